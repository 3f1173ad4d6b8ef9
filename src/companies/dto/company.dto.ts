import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO31661Alpha2,
  IsISO6391,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { CursorPaginationQuery } from '../../common/keyset';
import { ReasonText } from '../../common/reason-text';
import {
  IsIanaTimeZone,
  mapStrings,
  Optional,
  trimOrEmpty,
  trimString,
  upperString,
} from '../../common/validators';
import { normaliseTags } from '../tags';
import { COMPANY_STATUSES, type CompanyStatus } from '../company.wire';
import {
  EMPLOYEE_BANDS,
  PARTNER_TYPES,
  SECTORS,
  type EmployeeBand,
  type PartnerType,
  type Sector,
} from '../taxonomy';

const tags = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) && value.every((tag) => typeof tag === 'string')
    ? normaliseTags(value)
    : value;
const upperEach = mapStrings((code) => code.trim().toUpperCase());
const lowerEach = mapStrings((code) => code.trim().toLowerCase());
const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : trimString({ value });

/** A company as its owner registers it. Tags are normalised; codes are upper/lower-cased. */
export class CreateCompanyDto {
  @ApiProperty({ example: 'Harbour Pay Systems' })
  @Transform(trimString)
  @IsString()
  @Length(2, 160)
  name: string;

  /** ISO 3166-1 alpha-2. */
  @ApiProperty({ example: 'HK' })
  @Transform(upperString)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as HK or CA' })
  country: string;

  @ApiProperty({ example: 'Hong Kong' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiPropertyOptional({ example: 'https://harbourpay.hk', nullable: true, type: String })
  @Transform(emptyToNull)
  @Optional({ nullable: true })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  @MaxLength(300)
  website?: string | null;

  /** `null` or '' clears it. */
  @ApiPropertyOptional({
    example: 'Mobile payment terminals and wallets for Asian retail.',
    nullable: true,
    type: String,
  })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: SECTORS, isArray: true, example: ['smart-cards-payments', 'fintech'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'sectors must name at least one sector' })
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: 'sectors must each be one of the taxonomy sectors' })
  sectors: Sector[];

  /** Free tags, what the firm offers ("mobile payments"). */
  @ApiProperty({ type: [String], example: ['mobile payments', 'nfc payment terminals'] })
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 60, { each: true, message: 'offers must each be 2 to 60 characters long' })
  offers: string[];

  /** Free tags, what the firm is looking for. */
  @ApiProperty({ type: [String], example: ['distribution in north america'] })
  @Transform(tags)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 60, { each: true, message: 'seeks must each be 2 to 60 characters long' })
  seeks: string[];

  @ApiProperty({ enum: PARTNER_TYPES, isArray: true, example: ['distributor'] })
  @IsArray()
  @ArrayMaxSize(PARTNER_TYPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_TYPES, {
    each: true,
    message: 'partnerTypes must each be one of the taxonomy partner types',
  })
  partnerTypes: PartnerType[];

  /** ISO 3166-1 alpha-2 codes of the markets the firm wants to enter. */
  @ApiProperty({ type: [String], example: ['CA', 'GB'] })
  @Transform(upperEach)
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsISO31661Alpha2({
    each: true,
    message: 'targetMarkets must each be an ISO 3166-1 alpha-2 code',
  })
  targetMarkets: string[];

  /** ISO 639-1 codes. */
  @ApiProperty({ type: [String], example: ['en', 'zh'] })
  @Transform(lowerEach)
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must each be an ISO 639-1 code such as en or zh' })
  languages: string[];

  @ApiProperty({ example: 'Asia/Hong_Kong' })
  @IsIanaTimeZone()
  timezone: string;

  @ApiProperty({ enum: EMPLOYEE_BANDS, example: '10-49' })
  @IsIn(EMPLOYEE_BANDS, { message: `employees must be one of: ${EMPLOYEE_BANDS.join(', ')}` })
  employees: EmployeeBand;
}

/** Any subset of the profile; `status` and ownership cannot be set here. */
/** `null` clears the website and the description, and is refused for every other field. */
export class UpdateCompanyDto extends PartialType(CreateCompanyDto, {
  skipNullProperties: false,
}) {}

export class VerifyCompanyDto {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'], { message: 'status must be verified or rejected' })
  status: 'verified' | 'rejected';

  /** Why the company is rejected: sent to its users with the decision. */
  @ReasonText('The business registration number does not match the company name.')
  reason?: string | null;
}

export class ListCompaniesQuery extends CursorPaginationQuery {
  @ApiPropertyOptional({ example: 'CA' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @Optional()
  @IsIn(SECTORS, { message: 'sector must be one of the taxonomy sectors' })
  sector?: Sector;

  @ApiPropertyOptional({ enum: PARTNER_TYPES })
  @Optional()
  @IsIn(PARTNER_TYPES, { message: 'partnerType must be one of the taxonomy partner types' })
  partnerType?: PartnerType;

  /** Firms that name this country among their target markets. */
  @ApiPropertyOptional({ example: 'HK' })
  @Transform(upperString)
  @Optional()
  @IsISO31661Alpha2({ message: 'targetMarket must be an ISO 3166-1 alpha-2 code' })
  targetMarket?: string;

  /** Words to look for in names, tags, sectors, cities and descriptions (prefixes match). */
  @ApiPropertyOptional({ example: 'mobile pay' })
  @Transform(trimString)
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: COMPANY_STATUSES })
  @Optional()
  @IsIn(COMPANY_STATUSES, { message: `status must be one of: ${COMPANY_STATUSES.join(', ')}` })
  status?: CompanyStatus;
}

/** `POST /api/companies/import?dryRun=true`: a trial run that stores nothing. */
export class ImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
