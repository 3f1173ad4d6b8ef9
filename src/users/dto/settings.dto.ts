import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { IsIanaTimeZone, Optional } from '../../common/validators';
import {
  ACCOUNT_KINDS,
  DELIVERIES,
  isAccountKind,
  LANGUAGES,
  MAX_REMINDERS,
  NOTIFICATION_KINDS,
  REMINDER_MINUTES,
  type Delivery,
  type Language,
  type NotificationKind,
} from '../../notifications/notification.wire';

/** What is wrong with a `notifications` object, or null: kinds known, deliveries known. */
export function deliveriesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'notifications must be an object of kind: delivery';
  }
  for (const [kind, delivery] of Object.entries(value)) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      return `notifications has an unknown kind "${kind.slice(0, 40)}"; kinds: ${NOTIFICATION_KINDS.join(', ')}`;
    }
    if (!(DELIVERIES as readonly unknown[]).includes(delivery)) {
      return `notifications.${kind} must be one of: ${DELIVERIES.join(', ')}`;
    }
    if (isAccountKind(kind) && delivery !== 'email') {
      return `notifications.${kind} is an account email (${ACCOUNT_KINDS.join(', ')}) and stays email`;
    }
  }
  return null;
}

function IsDeliveries(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDeliveries',
      validator: {
        validate: (value: unknown) => deliveriesProblem(value) === null,
        defaultMessage: (args) => deliveriesProblem(args?.value) ?? 'notifications is invalid',
      },
    },
    options,
  );
}

function IsDistinct(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDistinct',
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || new Set(value).size === value.length,
        defaultMessage: () => 'reminders must not name the same minute twice',
      },
    },
    options,
  );
}

/** `PATCH /api/users/me/settings`: any part; `notifications` is merged kind by kind. */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ enum: LANGUAGES, example: 'zh-Hant' })
  @Optional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({ example: 'Asia/Hong_Kong' })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;

  /** Minutes before each meeting (1 to 10,080), at most 5, no two alike; `[]`: no reminders. */
  @ApiPropertyOptional({ type: [Number], example: [1440, 15] })
  @Optional()
  @IsArray({ message: 'reminders must be a list of minutes' })
  @ArrayMaxSize(MAX_REMINDERS, { message: `reminders may name at most ${MAX_REMINDERS} times` })
  @IsInt({ each: true, message: 'reminders must be whole numbers of minutes' })
  @Min(REMINDER_MINUTES.min, { each: true, message: 'reminders must be at least 1 minute' })
  @Max(REMINDER_MINUTES.max, {
    each: true,
    message: `reminders must be at most ${REMINDER_MINUTES.max} minutes (7 days)`,
  })
  @IsDistinct()
  reminders?: number[];

  /** Per kind: `email`, `in-app` or `off` (account emails stay `email`). */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...DELIVERIES] },
    example: { 'request.received': 'email', announcement: 'off' },
  })
  @Optional()
  @IsObject({ message: 'notifications must be an object of kind: delivery' })
  @IsDeliveries()
  notifications?: Partial<Record<NotificationKind, Delivery>>;
}
