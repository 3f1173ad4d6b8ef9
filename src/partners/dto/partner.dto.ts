import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  ValidateBy,
  MaxLength,
  Min,
} from 'class-validator';
import { isCalendarDate } from '../../common/time';
import {
  IsAfterField,
  LATEST_YEAR,
  mapStrings,
  Optional,
  trimOrEmpty,
  trimString,
  upperString,
} from '../../common/validators';
import { SECTORS, type Sector } from '../../companies/taxonomy';
import {
  AGREEMENT_STATUSES,
  COOPERATION_FORMS,
  PARTNER_LIMITS,
  type AgreementStatus,
  type CooperationForm,
} from '../partners.wire';

/**
 * Agreements of the programme go back to 1998 (the first MOUs), before the API's usual
 * EARLIEST_YEAR for events: their dates may be from this year on.
 */
export const EARLIEST_AGREEMENT_YEAR = 1990;

/** A real calendar date (2003-02-29 is refused) from EARLIEST_AGREEMENT_YEAR to LATEST_YEAR. */
const IsAgreementDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        isCalendarDate(value) &&
        Number(value.slice(0, 4)) >= EARLIEST_AGREEMENT_YEAR &&
        Number(value.slice(0, 4)) <= LATEST_YEAR,
      defaultMessage: (args) =>
        typeof args?.value === 'string' && isCalendarDate(args.value)
          ? `$property must be a date between ${EARLIEST_AGREEMENT_YEAR} and ${LATEST_YEAR}`
          : '$property must be a date such as 2003-05-17',
    },
  });

const trimEach = mapStrings((text) => text.trim());
const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : trimString({ value });

/** `POST /api/partners`: a partner economy, one per country. */
export class CreatePartnerDto {
  /** ISO 3166-1 alpha-2. */
  @ApiProperty({ example: 'CA' })
  @Transform(upperString)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country: string;

  @ApiProperty({ minLength: 1, maxLength: PARTNER_LIMITS.name, example: 'Canada' })
  @Transform(trimString)
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(PARTNER_LIMITS.name)
  name: string;

  /** The counterpart agencies, by name. */
  @ApiPropertyOptional({ type: [String], example: ['Industry Canada'] })
  @Optional()
  @Transform(trimEach)
  @IsArray({ message: 'agencies must be a list' })
  @ArrayMaxSize(PARTNER_LIMITS.agencies)
  @ArrayUnique()
  @IsString({ each: true, message: 'agencies must each be a string' })
  @IsNotEmpty({ each: true, message: 'agencies must each be a name' })
  @MaxLength(PARTNER_LIMITS.agency, { each: true })
  agencies?: string[];

  @ApiPropertyOptional({ enum: SECTORS, isArray: true, example: ['e-commerce'] })
  @Optional()
  @IsArray({ message: 'priorityAreas must be a list' })
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: 'priorityAreas must each be one of the taxonomy sectors' })
  priorityAreas?: Sector[];

  @ApiPropertyOptional({ maxLength: PARTNER_LIMITS.notes })
  @Optional({ nullable: true })
  @Transform(trimOrEmpty)
  @IsString({ message: 'notes must be a string' })
  @MaxLength(PARTNER_LIMITS.notes)
  notes?: string;
}

/** `PATCH /api/partners/:id`: any of its fields. */
export class UpdatePartnerDto extends PartialType(CreatePartnerDto, {
  skipNullProperties: false,
}) {}

/** `POST /api/partners/:id/agreements`. */
export class CreateAgreementDto {
  @ApiProperty({ minLength: 1, maxLength: PARTNER_LIMITS.title })
  @Transform(trimString)
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(PARTNER_LIMITS.title)
  title: string;

  /** A calendar date; null while planned. */
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '1998-05-18' })
  @Optional({ nullable: true })
  @IsAgreementDate()
  signedOn?: string | null;

  /** A calendar date after `signedOn`; null when open-ended. */
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2003-05-17' })
  @Optional({ nullable: true })
  @IsAgreementDate()
  @IsAfterField('signedOn')
  expiresOn?: string | null;

  @ApiPropertyOptional({ maxLength: PARTNER_LIMITS.counterpart })
  @Optional({ nullable: true })
  @Transform(trimOrEmpty)
  @IsString({ message: 'counterpart must be a string' })
  @MaxLength(PARTNER_LIMITS.counterpart)
  counterpart?: string;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @Optional()
  @IsArray({ message: 'priorityAreas must be a list' })
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: 'priorityAreas must each be one of the taxonomy sectors' })
  priorityAreas?: Sector[];

  @ApiPropertyOptional({ enum: COOPERATION_FORMS, isArray: true })
  @Optional()
  @IsArray({ message: 'forms must be a list' })
  @ArrayMaxSize(COOPERATION_FORMS.length)
  @ArrayUnique()
  @IsIn(COOPERATION_FORMS, {
    each: true,
    message: `forms must each be one of: ${COOPERATION_FORMS.join(', ')}`,
  })
  forms?: CooperationForm[];

  /** A link to the signed text: an http(s) URL; null when none. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PARTNER_LIMITS.documentUrl })
  @Transform(emptyToNull)
  @Optional({ nullable: true })
  @IsString({ message: 'documentUrl must be a string' })
  @MaxLength(PARTNER_LIMITS.documentUrl)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'documentUrl must be an http(s) URL' },
  )
  documentUrl?: string | null;

  /**
   * `planned` or `renewed` as set; any signed status (`active`, `renewal-due`, `expired`) is
   * stored as signed and shown as the dates make it. Default: `active` when signed, else `planned`.
   */
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @Optional()
  @IsIn(AGREEMENT_STATUSES, {
    message: `status must be one of: ${AGREEMENT_STATUSES.join(', ')}`,
  })
  status?: AgreementStatus;

  /** The agreement of the same partner economy this one renews; that one becomes `renewed`. */
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'renews must be a UUID' })
  renews?: string;
}

/** `PATCH /api/agreements/:id`: any of its fields but `renews`. */
export class UpdateAgreementDto extends PartialType(OmitType(CreateAgreementDto, ['renews']), {
  skipNullProperties: false,
}) {}

/** `GET /api/partners/:id/activities?year=`: this year (UTC) when absent. */
export class PartnerActivitiesQuery {
  @ApiPropertyOptional({ minimum: EARLIEST_AGREEMENT_YEAR, maximum: LATEST_YEAR, example: 2026 })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'year must be a whole number' })
  @Min(EARLIEST_AGREEMENT_YEAR)
  @Max(LATEST_YEAR)
  year?: number;
}
