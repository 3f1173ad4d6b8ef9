import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { ReasonText } from '../../common/reason-text';
import {
  IsAfterField,
  IsCalendarDate,
  IsIanaTimeZone,
  IsInstant,
  IsNotBeforeField,
  IsWithinDays,
  Optional,
  trimOrEmpty,
  trimString,
  upperString,
} from '../../common/validators';
import {
  APPLICATION_STATUSES,
  DIRECTIONS,
  ITINERARY_KINDS,
  type ApplicationStatus,
  type Direction,
  type ItineraryKind,
} from '../delegation.wire';

/** A delegation's trip lasts at most this many days (first and last included). */
export const MAX_DELEGATION_DAYS = 60;

export class CreateDelegationDto {
  @ApiProperty({ example: 'Hong Kong ICT mission to Finland' })
  @Transform(trimString)
  @IsString()
  @Length(3, 200)
  title: string;

  /** `outbound` leaves the organiser's economy; `inbound` visits it. */
  @ApiProperty({ enum: DIRECTIONS })
  @IsIn(DIRECTIONS, { message: 'direction must be inbound or outbound' })
  direction: Direction;

  @ApiProperty({ example: 'HK' })
  @Transform(upperString)
  @IsISO31661Alpha2({ message: 'originCountry must be an ISO 3166-1 alpha-2 code' })
  originCountry: string;

  @ApiProperty({ example: 'FI' })
  @Transform(upperString)
  @IsISO31661Alpha2({ message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' })
  destinationCountry: string;

  @ApiProperty({ example: 'Helsinki' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: 'Grace Lau, HK Trade Promotion Office' })
  @Transform(trimString)
  @IsString()
  @Length(1, 160)
  leader: string;

  /** First day, in the delegation's zone. */
  @ApiProperty({ example: '2027-06-07' })
  @IsCalendarDate()
  startsOn: string;

  /** Last day (inclusive), in the delegation's zone; a delegation lasts at most 60 days. */
  @ApiProperty({ example: '2027-06-11' })
  @IsCalendarDate()
  @IsNotBeforeField('startsOn')
  @IsWithinDays('startsOn', MAX_DELEGATION_DAYS, {
    calendar: true,
    message: `must be within ${MAX_DELEGATION_DAYS} days of the first day: a delegation lasts at most ${MAX_DELEGATION_DAYS} days`,
  })
  endsOn: string;

  @ApiProperty({ example: 'Europe/Helsinki' })
  @IsIanaTimeZone()
  timezone: string;

  /** Member companies that may be accepted. */
  @ApiProperty({ example: 12, minimum: 1, maximum: 1000 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(1000)
  capacity: number;

  /** `null` or '' clears it. */
  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(4000)
  description?: string;

  /** The partner economy it is held under (`GET /api/partners`); null: none. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'partnerId must be a UUID' })
  partnerId?: string | null;

  /** The agreement of that partner economy it is held under; null: none. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'agreementId must be a UUID' })
  agreementId?: string | null;
}

/** `null` clears the description, and is refused for every other field. */
export class UpdateDelegationDto extends PartialType(CreateDelegationDto, {
  skipNullProperties: false,
}) {}

export class ListDelegationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: DIRECTIONS })
  @Optional()
  @IsIn(DIRECTIONS, { message: 'direction must be inbound or outbound' })
  direction?: Direction;

  /** Origin or destination. */
  @ApiPropertyOptional({ example: 'FI' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  /** `upcoming` (not yet over where it takes place) or `past`. */
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] })
  @Optional()
  @IsIn(['upcoming', 'past'], { message: 'when must be upcoming or past' })
  when?: 'upcoming' | 'past';
}

export class CreateItineraryItemDto {
  @ApiProperty({ enum: ITINERARY_KINDS })
  @IsIn(ITINERARY_KINDS, { message: `kind must be one of: ${ITINERARY_KINDS.join(', ')}` })
  kind: ItineraryKind;

  @ApiProperty({ example: 'Site visit: Otaniemi innovation campus' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: 'Otakaari 1, Espoo', nullable: true, type: String })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(300)
  location?: string;

  @ApiProperty({ example: '2027-06-08T09:00:00+03:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2027-06-08T12:00:00+03:00' })
  @IsInstant()
  @IsAfterField('startsAt')
  endsAt: string;
}

export class ApplyDto {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}

const DECISIONS = APPLICATION_STATUSES.filter((status) => status !== 'pending');

export class DecideApplicationDto {
  /** Organisers accept, reject or waitlist; the company's own users may withdraw. */
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `status must be one of: ${DECISIONS.join(', ')}` })
  status: Exclude<ApplicationStatus, 'pending'>;

  /** Why the application is rejected: sent to the company's users with the decision. */
  @ReasonText('The delegation is for firms already exporting to the destination market.')
  reason?: string | null;
}
