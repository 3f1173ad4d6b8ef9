import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '../../common/validators';

const SLOT_MESSAGE = 'slotIndex must be a whole number from 0';
const TABLE_MESSAGE = 'table must be a whole number from 1';

/** A meeting booked by hand on the board (organisers). */
export class BookMeetingDto {
  /** The two firms, both participants of the session. */
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 })
  @IsArray({ message: 'companyIds must be a list of two company ids' })
  @ArrayMinSize(2, { message: 'companyIds must name two companies' })
  @ArrayMaxSize(2, { message: 'companyIds must name two companies' })
  @IsUUID('all', { each: true, message: 'companyIds must hold company ids (UUIDs)' })
  companyIds: string[];

  @ApiProperty({ minimum: 0 })
  @IsInt({ message: SLOT_MESSAGE })
  @Min(0, { message: SLOT_MESSAGE })
  @Max(100_000, { message: SLOT_MESSAGE })
  slotIndex: number;

  /** In-person sessions: the table (the lowest one free when not given). */
  @ApiPropertyOptional({ minimum: 1 })
  @Optional()
  @IsInt({ message: TABLE_MESSAGE })
  @Min(1, { message: TABLE_MESSAGE })
  @Max(100_000, { message: TABLE_MESSAGE })
  table?: number;
}

/** Decorators of the board's fields of `PATCH /api/meetings/:id` (UpdateMeetingDto). */
export const BOARD_FIELD_MESSAGES = { slot: SLOT_MESSAGE, table: TABLE_MESSAGE };
