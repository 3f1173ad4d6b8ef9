import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { lowerTrim } from '../../users/dto/create-user.dto';

/** The secret of an emailed link, as the link carries it (43 base64url characters). */
class TokenField {
  @ApiProperty({ example: 'q7Z1d0m2c3M5y0s1l8K1n9S2b4V6x0A2r7T3e5W8u1o' })
  @IsString({ message: 'token must be the text of the link' })
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200, { message: 'token is not a link of ours' })
  token: string;
}

/** A new password: at least 10 characters, as at sign-up. */
function NewPassword(): PropertyDecorator {
  const decorators = [
    IsString(),
    MinLength(10, { message: '$property must be at least 10 characters long' }),
    MaxLength(200),
  ];
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** `POST /api/auth/password-reset`: the address to send a reset link to, if it has an account. */
export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ada@harbourpay.hk' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

/** `POST /api/auth/password-reset/confirm`: the link's secret and the new password. */
export class PasswordResetConfirmDto extends TokenField {
  @ApiProperty({ example: 'a new long password', minLength: 10 })
  @NewPassword()
  password: string;
}

/** `POST /api/auth/password`: the current password, then the new one. */
export class ChangePasswordDto {
  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ example: 'a new long password', minLength: 10 })
  @NewPassword()
  newPassword: string;
}

/** `POST /api/auth/email-verification/confirm` and `POST /api/auth/email/confirm`. */
export class ConfirmTokenDto extends TokenField {}

/** `POST /api/auth/email`: a new address, confirmed by a link sent to it; the password first. */
export class ChangeEmailDto {
  @ApiProperty({ example: 'ada.chan@harbourpay.hk' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword: string;
}
