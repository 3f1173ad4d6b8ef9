import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PaginationQuery } from '../../common/pagination';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsIanaTimeZone, Optional } from '../../common/validators';
import { LANGUAGES, type Language } from '../../notifications/notification.wire';
import { ROLES, type Role } from '../user.entity';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
export const lowerTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** Sign-up: a new member account. */
export class RegisterDto {
  @ApiProperty({ example: 'ada@harbourpay.hk' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** At least 10 characters. */
  @ApiProperty({ example: 'correct horse battery', minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Ada Chan' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name: string;
}

/** `POST /api/auth/register`: the web app sends the browser's language and time zone too. */
export class SignUpDto extends RegisterDto {
  @ApiPropertyOptional({ enum: LANGUAGES, example: 'zh-Hant' })
  @Optional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({ example: 'Asia/Hong_Kong' })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;
}

export const CREATABLE_ROLES = ['organiser', 'admin'] as const satisfies readonly Role[];

/** An admin creates organiser (or admin) accounts; members sign up themselves. */
export class CreateUserDto extends RegisterDto {
  @ApiProperty({ enum: CREATABLE_ROLES, example: 'organiser' })
  @IsIn(CREATABLE_ROLES, { message: `role must be one of: ${CREATABLE_ROLES.join(', ')}` })
  role: (typeof CREATABLE_ROLES)[number];
}

export class LoginDto {
  @ApiProperty({ example: 'ada@harbourpay.hk' })
  @Transform(lowerTrim)
  @IsString()
  @MinLength(1, { message: 'email must not be empty' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password: string;
}

/** An admin disables an account (`true`) or enables it again (`false`). */
export class UpdateUserDto {
  @ApiProperty({ example: true })
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled: boolean;
}

/** `GET /api/users`: accounts by words of their email or name, role, and whether disabled. */
export class ListUsersQuery extends PaginationQuery {
  /** Part of the email or the name, any case. */
  @ApiPropertyOptional({ example: 'harbourpay' })
  @Transform(trim)
  @Optional()
  @IsString()
  @MaxLength(254)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'], { message: 'disabled must be true or false' })
  disabled?: 'true' | 'false';
}
