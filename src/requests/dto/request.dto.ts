import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MESSAGE_MAX_LENGTH } from '../../conversations/conversation.wire';
import {
  IsAfterField,
  IsInstant,
  Optional,
  Satisfies,
  trimOrEmpty,
  trimString,
} from '../../common/validators';

/** Longest first message or decline reason: a message of a conversation (SPEC "Firms"). */
/** A request's message and a decline's reason both become messages of the pair's conversation. */
export const REQUEST_TEXT_MAX_LENGTH = MESSAGE_MAX_LENGTH;

/**
 * When a requested meeting may take place: instants inside the session's time span, `from`
 * before `to`, holding at least one whole slot of the session (checked by the service).
 */
export class RequestWindowDto {
  @ApiProperty({ example: '2027-03-10T01:00:00Z' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: '2027-03-10T04:00:00Z' })
  @IsInstant()
  @IsAfterField('from')
  to: string;
}

/** `window`: an object checked field by field, or null (any time). */
function WindowField(): PropertyDecorator {
  const decorators = [
    Optional({ nullable: true }),
    IsObject({ message: 'window must be an object with from and to, or null' }),
    ValidateNested(),
    Type(() => RequestWindowDto),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class CreateRequestDto {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'fromCompanyId must be a UUID' })
  fromCompanyId: string;

  /** The firm you would like to meet. */
  @ApiProperty()
  @IsUUID('all', { message: 'toCompanyId must be a UUID' })
  toCompanyId: string;

  @ApiPropertyOptional({
    example: 'We would like to discuss distribution of our NFC terminals in Ontario.',
    nullable: true,
    type: String,
  })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(REQUEST_TEXT_MAX_LENGTH)
  message?: string;

  /** When the meeting may take place ("mornings only"); null or left out: any time. */
  @ApiPropertyOptional({ type: RequestWindowDto, nullable: true })
  @WindowField()
  window?: RequestWindowDto | null;
}

export class AnswerRequestDto {
  /**
   * The receiver accepts or declines; the sender cancels. Left out, the request keeps its status
   * and only its `window` changes.
   */
  @ApiPropertyOptional({ enum: ['accepted', 'declined', 'cancelled'] })
  @Optional()
  @IsIn(['accepted', 'declined', 'cancelled'], {
    message: 'status must be accepted, declined or cancelled',
  })
  status?: 'accepted' | 'declined' | 'cancelled';

  /**
   * Why the receiver declines (only with `declined`): kept on the request for the sender and sent
   * to it as a message of the two firms' conversation.
   */
  @ApiPropertyOptional({ maxLength: REQUEST_TEXT_MAX_LENGTH, example: 'We are fully booked.' })
  @Transform(trimString)
  @Optional()
  @Satisfies(
    'onlyWhenDeclined',
    (_value, args) => (args?.object as { status?: unknown } | undefined)?.status === 'declined',
    'may only be given when status is declined',
  )
  @IsString({ message: 'reason must be a string' })
  @MaxLength(REQUEST_TEXT_MAX_LENGTH, {
    message: `reason must be at most ${REQUEST_TEXT_MAX_LENGTH} characters`,
  })
  reason?: string;

  /**
   * When the meeting may take place; null: any time. Either firm may change it while the request
   * is pending or accepted: the receiver typically when accepting, the sender while it waits.
   * Not with `declined` or `cancelled`.
   */
  @ApiPropertyOptional({ type: RequestWindowDto, nullable: true })
  @Satisfies(
    'onlyWhenActive',
    (_value, args) => {
      const status = (args?.object as { status?: unknown } | undefined)?.status;
      return status === undefined || status === 'accepted';
    },
    'may only be given when accepting or on its own',
  )
  @WindowField()
  window?: RequestWindowDto | null;
}

export class ListRequestsQuery {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}
