import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import {
  IsAfterField,
  IsIanaTimeZone,
  IsInstant,
  Optional,
  trimOrEmpty,
  trimString,
} from '../../common/validators';
import {
  CHECK_IN_INPUT_MAX,
  SEMINAR_KINDS,
  SEMINAR_LIMITS,
  type SeminarKind,
} from '../seminars.wire';

const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : trimString({ value });

export class CreateSeminarDto {
  @ApiProperty({ example: 'Smart cards and e-payment: a seminar with French firms' })
  @Transform(trimString)
  @IsString()
  @Length(3, SEMINAR_LIMITS.title)
  title: string;

  @ApiProperty({ enum: SEMINAR_KINDS })
  @IsIn(SEMINAR_KINDS, { message: `kind must be one of: ${SEMINAR_KINDS.join(', ')}` })
  kind: SeminarKind;

  @ApiProperty({ example: '2031-06-10T09:30:00+08:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2031-06-10T12:30:00+08:00' })
  @IsInstant()
  @IsAfterField('startsAt')
  endsAt: string;

  @ApiProperty({ example: 'Asia/Hong_Kong' })
  @IsIanaTimeZone()
  timezone: string;

  /** Where it is held; `null` or '' when only by video. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'HKCEC Room S421' })
  @Transform(emptyToNull)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(SEMINAR_LIMITS.venue)
  venue?: string | null;

  /** The video link (http or https); `null` or '' when none. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://meet.example.org/abc' })
  @Transform(emptyToNull)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(SEMINAR_LIMITS.videoUrl)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'videoUrl must be an http(s) URL' },
  )
  videoUrl?: string | null;

  /** Seats; registrations beyond them wait. */
  @ApiProperty({
    example: 80,
    minimum: SEMINAR_LIMITS.capacity.min,
    maximum: SEMINAR_LIMITS.capacity.max,
  })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(SEMINAR_LIMITS.capacity.min)
  @Max(SEMINAR_LIMITS.capacity.max)
  capacity: number;

  /** The partner economy it is held under; `null` for none. */
  @ApiPropertyOptional({ type: String, nullable: true })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string | null;

  /** One of that partner's agreements; needs `partnerId`; `null` for none. */
  @ApiPropertyOptional({ type: String, nullable: true })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'agreementId must be a UUID' })
  agreementId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(SEMINAR_LIMITS.description)
  description?: string;
}

/** `null` clears venue, videoUrl, partnerId, agreementId and description; other fields refuse it. */
export class UpdateSeminarDto extends PartialType(CreateSeminarDto, {
  skipNullProperties: false,
}) {}

export class ListSeminarsQuery extends PaginationQuery {
  /** `upcoming` (not over yet: the default) or `past` (organisers only). */
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] })
  @Optional()
  @IsIn(['upcoming', 'past'], { message: 'when must be upcoming or past' })
  when?: 'upcoming' | 'past';
}

export class RegisterDto {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}

export class WithdrawRegistrationDto {
  @ApiProperty({ enum: ['withdrawn'] })
  @IsIn(['withdrawn'], { message: 'status must be withdrawn' })
  status: 'withdrawn';
}

export class CheckInDto {
  /** The code of the QR code, or as typed (`XXXXX-XXXXX`; case, spaces and dashes do not matter). */
  @ApiProperty({ example: '7KQ2M-X9D4P' })
  @IsString()
  @Length(1, CHECK_IN_INPUT_MAX)
  code: string;
}
