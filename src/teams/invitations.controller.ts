import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AcceptInvitationDto } from './dto/team.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('invitations')
@UseGuards(RateLimitGuard)
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /**
   * Joins the company of the invitation (the token of its link), with its role. A bad, used or
   * expired token is `400` naming `token`.
   */
  @RateLimited('auth')
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  accept(@CurrentUser() user: AuthUser, @Body() body: AcceptInvitationDto) {
    return this.invitations.accept(user, body.token);
  }
}
