import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIanaTimeZone, Optional, trimOrEmpty } from '../../common/validators';
import { BOARD_FIELD_MESSAGES } from './board.dto';
import {
  MEETING_STATUS_UPDATES,
  OUTCOMES,
  type MeetingStatusUpdate,
  type Outcome,
} from '../meeting.wire';

export class UpdateMeetingDto {
  /** Organisers mark `held` or `no-show`; either side or an organiser may cancel. */
  @ApiPropertyOptional({ enum: MEETING_STATUS_UPDATES })
  @Optional()
  @IsIn(MEETING_STATUS_UPDATES, { message: 'status must be held, no-show or cancelled' })
  status?: MeetingStatusUpdate;

  /** Organisers fix a meeting in its slot: scheduling again leaves it there. */
  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'fixed must be true or false' })
  fixed?: boolean;

  /** Organisers move the meeting to another slot (the board checks every hard constraint). */
  @ApiPropertyOptional({ minimum: 0 })
  @Optional()
  @IsInt({ message: BOARD_FIELD_MESSAGES.slot })
  @Min(0, { message: BOARD_FIELD_MESSAGES.slot })
  @Max(100_000, { message: BOARD_FIELD_MESSAGES.slot })
  slotIndex?: number;

  /** Organisers move the meeting to another table (in-person sessions). */
  @ApiPropertyOptional({ minimum: 1 })
  @Optional()
  @IsInt({ message: BOARD_FIELD_MESSAGES.table })
  @Min(1, { message: BOARD_FIELD_MESSAGES.table })
  @Max(100_000, { message: BOARD_FIELD_MESSAGES.table })
  table?: number;

  /** Organisers swap the meeting's slot and table with another meeting of the session. */
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'swapWith must be a meeting id (UUID)' })
  swapWith?: string;
}

// One message however the rating is wrong (0, 6, 4.5), whichever check fails first; a missing
// rating is `is required`, as for every field.
const RATING_MESSAGE = 'rating must be a whole number from 1 to 5';

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: RATING_MESSAGE })
  @Min(1, { message: RATING_MESSAGE })
  @Max(5, { message: RATING_MESSAGE })
  rating: number;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of: ${OUTCOMES.join(', ')}` })
  outcome: Outcome;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(4000)
  comment?: string;

  /** Which side you speak for, when you speak for both firms of the meeting. */
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
}

export class AgendaQuery {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  /** The zone to show local times in; the company's own by default. */
  @ApiPropertyOptional({ example: 'America/Toronto' })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;
}

/** The key of a calendar feed link (`GET /api/sessions/:id/agenda/feed` gives the link). */
export class CalendarFeedQuery {
  @ApiProperty()
  @IsString()
  @Length(20, 2000)
  key: string;
}
