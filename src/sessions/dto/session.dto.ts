import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  isISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import {
  IsIanaTimeZone,
  IsInstant,
  mapStrings,
  Satisfies,
  trimString,
} from '../../common/validators';
import { SESSION_STATUSES, type SessionStatus } from '../session-lifecycle';
import { SESSION_MODES, type SessionMode } from '../session.entity';

const upperEach = mapStrings((code) => code.trim().toUpperCase());

/** Per-session scoring weights; each 0–1, any left out keeps its default. */
export class WeightsDto {
  @IsOptional() @IsNumber() @Min(0) @Max(1) complementarity?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) sector?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) partnerType?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) market?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) language?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) timeOverlap?: number;
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

  @ApiPropertyOptional()
  @Transform(trimString)
  @IsOptional()
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

  @ApiProperty({ example: '2027-03-10T01:00:00Z' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2027-03-10T05:00:00Z' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: 20, minimum: 5, maximum: 240 })
  @IsInt({ message: 'slotMinutes must be a whole number' })
  @Min(5)
  @Max(240)
  slotMinutes: number;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: 120, default: 0 })
  @IsOptional()
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
  @IsOptional()
  @IsBoolean()
  crossBorderOnly?: boolean;

  /** Two lists of countries; every meeting pairs one firm from each, e.g. [["HK"], ["CA"]]. */
  @ApiPropertyOptional({
    example: [['HK'], ['CA']],
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
  })
  @Transform(upperSides)
  @IsOptional()
  @Satisfies(
    'isSides',
    isSides,
    'must be two lists of ISO 3166-1 alpha-2 country codes, such as [["HK"], ["CA"]]',
  )
  sides?: [string[], string[]] | null;

  /** Meetings at once (in-person sessions). */
  @ApiPropertyOptional({ example: 20, minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'tables must be a whole number' })
  @Min(1)
  @Max(10_000)
  tables?: number | null;

  /** Requests are refused after this instant; at the latest the end of the session. */
  @ApiProperty({ example: '2027-03-08T12:00:00Z' })
  @IsInstant()
  requestDeadline: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'delegationId must be a UUID' })
  delegationId?: string | null;

  @ApiPropertyOptional({ type: WeightsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights?: WeightsDto;

  /** `draft` keeps the session hidden from members; otherwise it is created `open`. */
  @ApiPropertyOptional({ enum: ['draft', 'open'], default: 'open' })
  @IsOptional()
  @IsIn(['draft', 'open'], { message: 'status must be draft or open when creating' })
  status?: 'draft' | 'open';
}

/** Any field, or `status` to move the session on (draft → open → scheduled → live → closed). */
export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['status'] as const)) {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;
}

export class ListSessionsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @IsOptional()
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

export class JoinSessionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  /** When the company can meet; none means the whole session. */
  @ApiPropertyOptional({ type: [AvailabilityWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability?: AvailabilityWindowDto[];
}
