import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO31661Alpha2, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { Optional, upperString } from '../../common/validators';

/** Far beyond any ranking (each company keeps its top 50); 1e300 was a 500. */
const MAX_OFFSET = 1_000_000;

export class MatchesQuery {
  /** The company whose matches to rank. */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 50 })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(50)
  limit: number = 20;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;

  /** Only firms from this country. */
  @ApiPropertyOptional({ example: 'CA' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 100 })
  @Type(() => Number)
  @Optional()
  @IsNumber({}, { message: 'minScore must be a number' })
  @Min(0)
  @Max(100)
  minScore: number = 0;
}
