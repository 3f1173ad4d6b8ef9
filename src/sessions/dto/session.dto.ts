import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  isISO31661Alpha2,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { ConfirmTokenDto } from '../../accounts/dto/account.dto';
import { isInstant } from '../../common/time';
import { PaginationQuery } from '../../common/pagination';
import {
  IsAfterField,
  IsIanaTimeZone,
  IsInstant,
  IsNotAfterField,
  IsWithinDays,
  valuesInBothLists,
  mapStrings,
  Optional,
  Satisfies,
  trimOrEmpty,
  trimString,
} from '../../common/validators';
import { FOLLOW_UP_MONTHS } from '../../follow-ups/follow-ups.wire';
import { SESSION_STATUSES, type SessionStatus } from '../session-lifecycle.wire';
import { SESSION_MODES, type SessionMode } from '../session.wire';

/**
 * A matchmaking session lasts at most this long: days of back-to-back meetings, not months. It
 * bounds everything that grows with the window (the slots of `GET /api/sessions/:id`, the clock's
 * jobs): a decade of 5-minute slots was a million slots per read.
 */
export const MAX_SESSION_DAYS = 7;

const upperEach = mapStrings((code) => code.trim().toUpperCase());

/** Per-session scoring weights; each 0–1, any left out keeps its default. */
export class WeightsDto {
  @Optional() @IsNumber() @Min(0) @Max(1) complementarity?: number;
  @Optional() @IsNumber() @Min(0) @Max(1) sector?: number;
  @Optional() @IsNumber() @Min(0) @Max(1) partnerType?: number;
  @Optional() @IsNumber() @Min(0) @Max(1) market?: number;
  @Optional() @IsNumber() @Min(0) @Max(1) language?: number;
  @Optional() @IsNumber() @Min(0) @Max(1) timeOverlap?: number;
}

function isSides(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every(
      (side: unknown) =>
        Array.isArray(side) &&
        side.length > 0 &&
        side.length <= 250 &&
        side.every((country: unknown) => typeof country === 'string' && isISO31661Alpha2(country)),
    )
  );
}

/** Sides that share no country, checked with every other field (the service checks a PATCH). */
function IsSidesApart(): PropertyDecorator {
  return ValidateBy({
    name: 'isSidesApart',
    validator: {
      validate: (value: unknown) => valuesInBothLists(value).length === 0,
      defaultMessage: (args) =>
        `a country cannot be on both sides: ${valuesInBothLists(args?.value).join(', ')}`,
    },
  });
}

const MINUTE_MS = 60_000;

/** A session window that holds one whole slot at least (when both ends are well-formed). */
function IsSlotFitting(): PropertyDecorator {
  return ValidateBy({
    name: 'isSlotFitting',
    validator: {
      validate: (value: unknown, args) => {
        const { startsAt, endsAt } = (args?.object ?? {}) as Record<string, unknown>;
        if (typeof value !== 'number' || typeof startsAt !== 'string' || typeof endsAt !== 'string')
          return true;
        if (!isInstant(startsAt) || !isInstant(endsAt)) return true;
        const window = Date.parse(endsAt) - Date.parse(startsAt);
        return window <= 0 || window >= value * MINUTE_MS;
      },
      defaultMessage: () => 'the session window holds no whole slot of this length',
    },
  });
}

/** 1 to 4 distinct whole numbers of months, each 1 to 24. */
function isFollowUpMonths(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= FOLLOW_UP_MONTHS.maxCount &&
    new Set(value).size === value.length &&
    value.every(
      (months: unknown) =>
        Number.isInteger(months) &&
        (months as number) >= FOLLOW_UP_MONTHS.min &&
        (months as number) <= FOLLOW_UP_MONTHS.max,
    )
  );
}

const upperSides = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((side: unknown) => (Array.isArray(side) ? upperEach({ value: side }) : side))
    : value;

export class CreateSessionDto {
  @ApiProperty({ example: 'Hong Kong – Canada ICT business matching (video)' })
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title: string;

  /** `null` or '' clears it. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES, { message: 'mode must be video or in-person' })
  mode: SessionMode;

  /** The organiser's zone, for display. */
  @ApiProperty({ example: 'Asia/Hong_Kong' })
  @IsIanaTimeZone()
  timezone: string;

  /** Between the years 2000 and 2099, as every instant the API takes. */
  @ApiProperty({ example: '2027-03-10T01:00:00Z' })
  @IsInstant()
  startsAt: string;

  /** After startsAt, and at most 7 days after it: a session lasts at most 7 days. */
  @ApiProperty({ example: '2027-03-10T05:00:00Z' })
  @IsInstant()
  @IsAfterField('startsAt')
  @IsWithinDays('startsAt', MAX_SESSION_DAYS, {
    message: `must be within ${MAX_SESSION_DAYS} days of the start: a session lasts at most ${MAX_SESSION_DAYS} days`,
  })
  endsAt: string;

  @ApiProperty({ example: 20, minimum: 5, maximum: 240 })
  @IsInt({ message: 'slotMinutes must be a whole number' })
  @Min(5)
  @Max(240)
  @IsSlotFitting()
  slotMinutes: number;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: 120, default: 0 })
  @Optional()
  @IsInt({ message: 'breakMinutes must be a whole number' })
  @Min(0)
  @Max(120)
  breakMinutes?: number;

  @ApiProperty({ example: 8, minimum: 1, maximum: 100 })
  @IsInt({ message: 'maxMeetingsPerCompany must be a whole number' })
  @Min(1)
  @Max(100)
  maxMeetingsPerCompany: number;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  crossBorderOnly?: boolean;

  /** Two lists of countries; every meeting pairs one firm from each, e.g. [["HK"], ["CA"]]. */
  @ApiPropertyOptional({
    example: [['HK'], ['CA']],
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    nullable: true,
  })
  @Transform(upperSides)
  @Optional({ nullable: true })
  @Satisfies('isSides', isSides, 'must be two lists of countries, one for each side')
  @IsSidesApart()
  sides?: [string[], string[]] | null;

  /** Meetings at once (in-person sessions). */
  @ApiPropertyOptional({ example: 20, minimum: 1, nullable: true, type: Number })
  @Optional({ nullable: true })
  @IsInt({ message: 'tables must be a whole number' })
  @Min(1)
  @Max(10_000)
  tables?: number | null;

  /** Requests are refused after this instant; at the latest the end of the session. */
  @ApiProperty({ example: '2027-03-08T12:00:00Z' })
  @IsInstant()
  @IsNotAfterField('endsAt')
  requestDeadline: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'delegationId must be a UUID' })
  delegationId?: string | null;

  /** The partner economy it is held under (`GET /api/partners`); null: none. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string | null;

  /** The agreement of that partner economy it is held under; null: none. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'agreementId must be a UUID' })
  agreementId?: string | null;

  @ApiPropertyOptional({ type: WeightsDto })
  @Optional()
  @IsObject({ message: 'weights must be an object such as {"sector": 0.3}' })
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  /**
   * Months after the close at which each firm that held meetings is asked what came of them
   * (default [3, 6]); may be changed after the close too, which plans the unsent surveys again.
   */
  @ApiPropertyOptional({ example: [3, 6], type: [Number], default: [3, 6] })
  @Optional()
  @Satisfies(
    'isFollowUpMonths',
    isFollowUpMonths,
    `must be a list of ${FOLLOW_UP_MONTHS.min} to ${FOLLOW_UP_MONTHS.maxCount} different whole numbers of months from ${FOLLOW_UP_MONTHS.min} to ${FOLLOW_UP_MONTHS.max}`,
  )
  followUpMonths?: number[];

  /** `draft` keeps the session hidden from members; otherwise it is created `open`. */
  @ApiPropertyOptional({ enum: ['draft', 'open'], default: 'open' })
  @Optional()
  @IsIn(['draft', 'open'], { message: 'status must be draft or open when creating' })
  status?: 'draft' | 'open';
}

/** Any field, or `status` to move the session on (draft → open → scheduled → live → closed). */
// skipNullProperties: false, so that `null` is checked (and refused where a field cannot be cleared)
// rather than skipped as IsOptional would, and stored as 1970 or a not-null violation.
export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['status'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @Optional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;
}

export class ListSessionsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @Optional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @Optional()
  @IsIn(SESSION_MODES, { message: 'mode must be video or in-person' })
  mode?: SessionMode;
}

export class AvailabilityWindowDto {
  @ApiProperty({ example: '2027-03-10T01:00:00Z' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: '2027-03-10T03:00:00Z' })
  @IsInstant()
  to: string;
}

/** Windows a company may give; more than a 7-day session could hold apart. */
export const MAX_AVAILABILITY_WINDOWS = 50;

export class JoinSessionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  /** When the company can meet; none means the whole session. */
  @ApiPropertyOptional({ type: [AvailabilityWindowDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_AVAILABILITY_WINDOWS)
  @IsObject({ each: true, message: 'availability must each be an object with from and to' })
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability?: AvailabilityWindowDto[];
}

/** `PATCH /api/sessions/:id/participants/:companyId`: the participant's availability, whole. */
export class UpdateParticipantDto {
  /** When the company can meet; an empty list means the whole session. */
  @ApiProperty({ type: [AvailabilityWindowDto] })
  @IsArray({ message: 'availability must be a list of windows' })
  @ArrayMaxSize(MAX_AVAILABILITY_WINDOWS)
  @IsObject({ each: true, message: 'availability must each be an object with from and to' })
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability: AvailabilityWindowDto[];
}

/** `POST /api/sessions/:id/invitations`: a firm invited by email to register and join. */
export class InviteToSessionDto {
  @ApiProperty({ example: 'info@northwind.ca' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** The firm's name, for the email's greeting; the firm registers its company itself. */
  @ApiPropertyOptional({ example: 'Northwind Wireless', nullable: true, type: String })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(200)
  companyName?: string;
}

/** `POST /api/session-invitations/accept`: the token of the emailed link. */
export class AcceptSessionInvitationDto extends ConfirmTokenDto {}
