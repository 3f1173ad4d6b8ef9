import { Body, Controller, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Public, type AuthUser } from '../auth/auth.decorators';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import {
  ChangeEmailDto,
  ChangePasswordDto,
  ConfirmTokenDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from './dto/account.dto';
import { EmailAddressesService } from './email-addresses.service';
import { PasswordsService } from './passwords.service';

/** The answer of a route that sends an email (`202`): the same whatever happens next. */
export interface Accepted {
  accepted: true;
}
const ACCEPTED: Accepted = { accepted: true };

/**
 * Account recovery and hygiene: forgotten and changed passwords, verifying and changing the
 * address. Every route counts against the sign-in limit of the client address.
 */
@ApiTags('auth')
@Controller('auth')
@UseGuards(RateLimitGuard)
export class AccountsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly addresses: EmailAddressesService,
  ) {}

  /**
   * Emails a reset link (valid one hour, once) if the address has an account. Always `202`, at
   * once, whether it has one or not.
   */
  @Public()
  @RateLimited('auth')
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  requestPasswordReset(@Body() body: PasswordResetRequestDto): Accepted {
    this.passwords.requestReset(body.email);
    return ACCEPTED;
  }

  /**
   * Sets a new password with the link's token and signs in; every other session is signed out.
   * A bad, used or expired token is `400` naming `token`.
   */
  @Public()
  @RateLimited('auth')
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.OK)
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto) {
    return this.passwords.confirmReset(body.token, body.password);
  }

  /**
   * Changes the password (the current one first: a wrong one is `400` naming `currentPassword`).
   * Every session is signed out, this one included: use the token of the answer from now on.
   */
  @ApiBearerAuth()
  @RateLimited('auth')
  @Post('password')
  @HttpCode(HttpStatus.OK)
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ) {
    return this.passwords.change(user.id, body.currentPassword, body.newPassword, request.ip);
  }

  /** Emails a link that verifies the address (again); `409` when it is verified already. */
  @ApiBearerAuth()
  @RateLimited('auth')
  @Post('email-verification')
  @HttpCode(HttpStatus.ACCEPTED)
  async sendEmailVerification(@CurrentUser() user: AuthUser): Promise<Accepted> {
    await this.addresses.resendVerification(user.id);
    return ACCEPTED;
  }

  /** Follows the verification link: the address is verified (`GET /api/auth/me` says so). */
  @Public()
  @RateLimited('auth')
  @Post('email-verification/confirm')
  @HttpCode(HttpStatus.OK)
  confirmEmailVerification(@Body() body: ConfirmTokenDto) {
    return this.addresses.confirmVerification(body.token);
  }

  /**
   * Asks to change the address (the current password first): a link goes to the new address,
   * and the change takes effect when it is followed. A taken address is `409`.
   */
  @ApiBearerAuth()
  @RateLimited('auth')
  @Post('email')
  @HttpCode(HttpStatus.ACCEPTED)
  async requestEmailChange(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangeEmailDto,
    @Req() request: FastifyRequest,
  ): Promise<Accepted> {
    await this.addresses.requestChange(user.id, body.email, body.currentPassword, request.ip);
    return ACCEPTED;
  }

  /** Follows the link sent to the new address: it becomes the account's, verified. */
  @Public()
  @RateLimited('auth')
  @Post('email/confirm')
  @HttpCode(HttpStatus.OK)
  confirmEmailChange(@Body() body: ConfirmTokenDto) {
    return this.addresses.confirmChange(body.token);
  }
}
