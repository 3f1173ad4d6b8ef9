import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional, Satisfies, trimOrEmpty, trimString } from '../../common/validators';

/** Longest first message or decline reason: a message of a conversation (SPEC "Firms"). */
export const REQUEST_TEXT_MAX_LENGTH = 2000;

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
}

export class AnswerRequestDto {
  /** The receiver accepts or declines; the sender cancels. */
  @ApiProperty({ enum: ['accepted', 'declined', 'cancelled'] })
  @IsIn(['accepted', 'declined', 'cancelled'], {
    message: 'status must be accepted, declined or cancelled',
  })
  status: 'accepted' | 'declined' | 'cancelled';

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
}

export class ListRequestsQuery {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}
