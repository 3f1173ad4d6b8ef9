import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, IsUUID, isUUID, Max, MaxLength, Min } from 'class-validator';
import { isInstant } from '../../common/time';
import { Optional, Satisfies, trimString } from '../../common/validators';
import { MESSAGE_MAX_LENGTH } from '../conversation.wire';

/** `GET /api/conversations?companyId=`. */
export class ListConversationsQuery {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}

/** The text of a message: 1 to 2,000 characters once trimmed. */
class MessageTextDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MESSAGE_MAX_LENGTH,
    example: 'Shall we talk at the fair?',
  })
  @Transform(trimString)
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(MESSAGE_MAX_LENGTH, {
    message: `text must be at most ${MESSAGE_MAX_LENGTH} characters`,
  })
  text: string;
}

/** `POST /api/conversations`: the first (or next) message from one company to another. */
export class StartConversationDto extends MessageTextDto {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'fromCompanyId must be a UUID' })
  fromCompanyId: string;

  /** The company you write to. */
  @ApiProperty()
  @IsUUID('all', { message: 'toCompanyId must be a UUID' })
  toCompanyId: string;
}

/** `POST /api/conversations/:id/messages`. */
export class SendMessageDto extends MessageTextDto {
  /** Your company, one of the conversation's two. */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}

/** `POST /api/conversations/:id/read`. */
export class MarkConversationReadDto {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}

/** `GET /api/conversations/:id/messages?before=&limit=`. */
export class ListMessagesQuery {
  /** Only messages older than this one: a message id, or an instant (ISO 8601). */
  @ApiPropertyOptional()
  @Optional()
  @Satisfies(
    'isMessageCursor',
    (value) => typeof value === 'string' && (isUUID(value) || isInstant(value)),
    'must be a message id or an ISO 8601 instant, such as 2026-06-08T06:00:00Z',
  )
  before?: string;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 100 })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit: number = 50;
}
