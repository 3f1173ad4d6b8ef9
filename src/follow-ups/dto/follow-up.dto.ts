import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/validators';
import { OUTCOMES, type Outcome } from '../../meetings/meeting.wire';
import {
  MAX_FOLLOW_UP_ANSWERS,
  MAX_FOLLOW_UP_NOTE,
  VALUE_BANDS,
  type ValueBand,
} from '../follow-ups.wire';

/** What came of one held meeting, as of now. */
export class FollowUpAnswerDto {
  @ApiProperty()
  @IsUUID('all', { message: 'meetingId must be a UUID' })
  meetingId: string;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of: ${OUTCOMES.join(', ')}` })
  outcome: Outcome;

  /** The order value of the deal, in US dollars; `null` or left out: not said. */
  @ApiPropertyOptional({ enum: VALUE_BANDS, nullable: true })
  @Optional({ nullable: true })
  @IsIn(VALUE_BANDS, { message: `valueBand must be one of: ${VALUE_BANDS.join(', ')}` })
  valueBand?: ValueBand | null;

  @ApiPropertyOptional({ maxLength: MAX_FOLLOW_UP_NOTE, nullable: true, type: String })
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(MAX_FOLLOW_UP_NOTE)
  note?: string | null;
}

/** `POST /api/follow-ups/:key`: 1 to 200 answers, kept together or not at all. */
export class AnswerFollowUpDto {
  @ApiProperty({ type: [FollowUpAnswerDto] })
  @IsArray({ message: 'answers must be a list of answers' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FOLLOW_UP_ANSWERS)
  @IsObject({ each: true, message: 'answers must each be an object with meetingId and outcome' })
  @ValidateNested({ each: true })
  @Type(() => FollowUpAnswerDto)
  answers: FollowUpAnswerDto[];
}
