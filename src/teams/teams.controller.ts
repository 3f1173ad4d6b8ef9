import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { ChangeRoleDto, InviteDto } from './dto/team.dto';
import { InvitationsService } from './invitations.service';
import { TeamsService } from './teams.service';

/** A company's team: its users, their roles, invitations. Managing it is the owners'. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('companies')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly invitations: InvitationsService,
  ) {}

  /** The company's users with their roles (and whether each verified their address). */
  @Get(':id/members')
  members(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.teams.members(user, id);
  }

  /**
   * Makes a member owner (transfer ownership: then the old owner may step down) or an owner a
   * member. Owners only; the last owner cannot step down (`409 company.last_owner`).
   */
  @Patch(':id/members/:userId')
  changeRole(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @Body() body: ChangeRoleDto,
  ) {
    return this.teams.changeRole(user, id, userId, body.role);
  }

  /**
   * Removes a user from the company (owners), or leaves it (a member removing themself). The
   * last owner cannot (`409 company.last_owner`).
   */
  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    return this.teams.remove(user, id, userId);
  }

  /** Invites a colleague by email with a role; inviting the address again replaces the link. */
  @Post(':id/invitations')
  @HttpCode(HttpStatus.CREATED)
  invite(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: InviteDto) {
    return this.invitations.invite(user, id, body);
  }

  /** Invitations not yet accepted nor expired. Owners only. */
  @Get(':id/invitations')
  pending(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.invitations.pending(user, id);
  }

  /** Withdraws an invitation: its link stops working. Owners only. */
  @Delete(':id/invitations/:invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<void> {
    return this.invitations.withdraw(user, id, invitationId);
  }
}
