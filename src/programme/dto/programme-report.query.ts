import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '../../common/validators';
import { PROGRAMME_EARLIEST_YEAR, PROGRAMME_LATEST_YEAR } from '../programme.wire';

/** `GET /api/programme/report`. */
export class ProgrammeReportQuery {
  /** The calendar year; every year when left out. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: PROGRAMME_EARLIEST_YEAR,
    maximum: PROGRAMME_LATEST_YEAR,
  })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'year must be a whole number' })
  @Min(PROGRAMME_EARLIEST_YEAR)
  @Max(PROGRAMME_LATEST_YEAR)
  year?: number;

  /** One partner economy; every partner when left out. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
