import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsISO31661Alpha2, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { CursorPaginationQuery } from '../../common/keyset';
import { Optional, upperString } from '../../common/validators';
import { MEETING_PREFERENCES, type MeetingPreference } from '../../preferences/preference.wire';
import { SECTORS, type Sector } from '../../companies/taxonomy';

/** The preference filter: one of the marks, or `none` for firms not marked yet. */
export const PREFERENCE_FILTERS = [...MEETING_PREFERENCES, 'none'] as const;
export type PreferenceFilter = MeetingPreference | 'none';

export class MatchesQuery extends CursorPaginationQuery {
  /** The company whose matches to rank. */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  /** Only firms from this country. */
  @ApiPropertyOptional({ example: 'CA' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  /** Only firms in this sector. */
  @ApiPropertyOptional({ enum: SECTORS })
  @Optional()
  @IsIn(SECTORS, { message: 'sector must be one of the taxonomy sectors' })
  sector?: Sector;

  /** Only firms the company marked so (`none`: not marked yet). */
  @ApiPropertyOptional({ enum: PREFERENCE_FILTERS })
  @Optional()
  @IsIn(PREFERENCE_FILTERS, {
    message: `preference must be one of: ${PREFERENCE_FILTERS.join(', ')}`,
  })
  preference?: PreferenceFilter;

  /** Also firms marked `not-interested` (hidden otherwise, unless the filter asks for them). */
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @Optional()
  @IsIn(['true', 'false'], { message: 'includeHidden must be true or false' })
  includeHidden?: 'true' | 'false';

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 100 })
  @Type(() => Number)
  @Optional()
  @IsNumber({}, { message: 'minScore must be a number' })
  @Min(0)
  @Max(100)
  minScore: number = 0;
}
