import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AcceptSessionInvitationDto } from './dto/session.dto';
import {
  SessionInvitationsService,
  type AcceptedSessionInvitationView,
} from './session-invitations.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('session-invitations')
@UseGuards(RateLimitGuard)
export class SessionInvitationsController {
  constructor(private readonly invitations: SessionInvitationsService) {}

  /**
   * Claims a session invitation (the token of its emailed link) for the signed-in firm user: one
   * of their companies joins the session now if verified, or when it is. A bad, used or expired
   * token is `400` naming `token`.
   */
  @RateLimited('auth')
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  accept(
    @CurrentUser() user: AuthUser,
    @Body() body: AcceptSessionInvitationDto,
  ): Promise<AcceptedSessionInvitationView> {
    return this.invitations.accept(user, body.token);
  }
}
