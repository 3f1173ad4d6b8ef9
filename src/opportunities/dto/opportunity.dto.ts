import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { isInstant } from '../../common/time';
import {
  IsInstant,
  mapStrings,
  Optional,
  Satisfies,
  trimOrEmpty,
  trimString,
  upperString,
} from '../../common/validators';
import { PARTNER_TYPES, SECTORS, type PartnerType, type Sector } from '../../companies/taxonomy';
import { OPPORTUNITY_KINDS, OPPORTUNITY_LIMITS, type OpportunityKind } from '../opportunity.wire';

const upperEach = mapStrings((code) => code.trim().toUpperCase());
const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : trimString({ value });

/** A deadline must lie ahead: a post that has already expired would never be on the board. */
const inTheFuture = (value: unknown): boolean =>
  typeof value !== 'string' || !isInstant(value) || Date.parse(value) > Date.now();

/**
 * `POST /api/opportunities`. Firms post `offer` and `request` for their company (`companyId`,
 * a verified company they belong to); organisers post `project` and `market-info` (no
 * `companyId`; `partnerCountry` names the partner economy).
 */
export class CreateOpportunityDto {
  @ApiProperty({ enum: OPPORTUNITY_KINDS, example: 'offer' })
  @IsIn(OPPORTUNITY_KINDS, { message: `kind must be one of: ${OPPORTUNITY_KINDS.join(', ')}` })
  kind: OpportunityKind;

  @ApiProperty({
    minLength: 1,
    maxLength: OPPORTUNITY_LIMITS.title,
    example: 'NFC payment terminals for Canadian retail chains',
  })
  @Transform(trimString)
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(OPPORTUNITY_LIMITS.title, {
    message: `title must be at most ${OPPORTUNITY_LIMITS.title} characters`,
  })
  title: string;

  @ApiProperty({
    maxLength: OPPORTUNITY_LIMITS.description,
    example: 'We supply certified terminals and look for distributors in Ontario and Quebec.',
  })
  @Transform(trimOrEmpty)
  @IsString({ message: 'description must be a string' })
  @MaxLength(OPPORTUNITY_LIMITS.description, {
    message: `description must be at most ${OPPORTUNITY_LIMITS.description} characters`,
  })
  description: string;

  @ApiProperty({ enum: SECTORS, isArray: true, example: ['smart-cards-payments'] })
  @IsArray({ message: 'sectors must be a list' })
  @ArrayMinSize(1, { message: 'sectors must name at least one sector' })
  @ArrayMaxSize(OPPORTUNITY_LIMITS.sectors)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: 'sectors must each be one of the taxonomy sectors' })
  sectors: Sector[];

  /** ISO 3166-1 alpha-2 codes: the markets the post is about, or whose firms may take part. */
  @ApiProperty({ type: [String], example: ['CA'] })
  @Transform(upperEach)
  @IsArray({ message: 'countries must be a list' })
  @ArrayMaxSize(OPPORTUNITY_LIMITS.countries)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true, message: 'countries must each be an ISO 3166-1 alpha-2 code' })
  countries: string[];

  @ApiPropertyOptional({ enum: PARTNER_TYPES, isArray: true, example: ['distributor'] })
  @Optional()
  @IsArray({ message: 'partnerTypes must be a list' })
  @ArrayMaxSize(PARTNER_TYPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_TYPES, {
    each: true,
    message: 'partnerTypes must each be one of the taxonomy partner types',
  })
  partnerTypes?: PartnerType[];

  /** After this instant the post leaves the board; in the future; `null`: open-ended. */
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2031-06-30T16:00:00Z',
  })
  @Optional({ nullable: true })
  @IsInstant()
  @Satisfies('isInTheFuture', inTheFuture, 'must be in the future')
  deadline?: string | null;

  /** The source: an http(s) URL. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.gov/tender/42' })
  @Transform(emptyToNull)
  @Optional({ nullable: true })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'link must be an http(s) URL' },
  )
  @MaxLength(OPPORTUNITY_LIMITS.link)
  link?: string | null;

  /** Your company, for an `offer` or a `request`; absent for a `project` or `market-info`. */
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  /** The partner economy of a `project` or `market-info` (ISO 3166-1 alpha-2). */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'FI' })
  @Transform(upperString)
  @Optional({ nullable: true })
  @IsISO31661Alpha2({ message: 'partnerCountry must be an ISO 3166-1 alpha-2 code' })
  partnerCountry?: string | null;
}

/** `PATCH /api/opportunities/:id`: any of the post's fields but its kind and company. */
export class UpdateOpportunityDto extends PartialType(
  OmitType(CreateOpportunityDto, ['kind', 'companyId'] as const),
  { skipNullProperties: false },
) {}

/** `GET /api/opportunities`. */
export class ListOpportunitiesQuery extends PaginationQuery {
  /** Your company: the posts are then ranked for it, with `score` and `reasons`. */
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  /** Words to look for in titles and descriptions (prefixes match). */
  @ApiPropertyOptional({ example: 'payment terminals' })
  @Transform(trimString)
  @Optional()
  @IsString({ message: 'q must be a string' })
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: OPPORTUNITY_KINDS })
  @Optional()
  @IsIn(OPPORTUNITY_KINDS, { message: `kind must be one of: ${OPPORTUNITY_KINDS.join(', ')}` })
  kind?: OpportunityKind;

  @ApiPropertyOptional({ enum: SECTORS })
  @Optional()
  @IsIn(SECTORS, { message: 'sector must be one of the taxonomy sectors' })
  sector?: Sector;

  /** Posts about this country: among its countries, its partner economy or the poster's. */
  @ApiPropertyOptional({ example: 'CA' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

/** `POST /api/opportunities/:id/interest`. */
export class ExpressInterestDto {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  /** To the posting company (a firm's post), or with the registration (an organiser's post). */
  @ApiProperty({
    minLength: 1,
    maxLength: OPPORTUNITY_LIMITS.message,
    example: 'We distribute payment hardware across Ontario; shall we talk?',
  })
  @Transform(trimString)
  @IsString({ message: 'message must be a string' })
  @IsNotEmpty({ message: 'message must not be empty' })
  @MaxLength(OPPORTUNITY_LIMITS.message, {
    message: `message must be at most ${OPPORTUNITY_LIMITS.message} characters`,
  })
  message: string;
}

/** `GET /api/opportunities/:id/interest?format=csv`. */
export class InterestListQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @Optional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

/** `GET /api/opportunities/:id?companyId=`: with your company, the post's fit for it. */
export class GetOpportunityQuery {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
}
