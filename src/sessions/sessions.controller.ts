import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { CursorPaginationQuery } from '../common/keyset';
import { UuidParam } from '../common/uuid-param';
import {
  CreateSessionDto,
  InviteToSessionDto,
  JoinSessionDto,
  ListSessionsQuery,
  UpdateParticipantDto,
  UpdateSessionDto,
} from './dto/session.dto';
import { ParticipantsService } from './participants.service';
import {
  SessionInvitationsService,
  type SessionInvitationView,
} from './session-invitations.service';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
    private readonly invitations: SessionInvitationsService,
  ) {}

  /** Created `open`, or `draft` (hidden from members) if asked. */
  @Post()
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSessionDto) {
    return this.sessions.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListSessionsQuery) {
    return this.sessions.list(user, query);
  }

  /** With its slots, as UTC instants. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.sessions.get(user, id);
  }

  /** Edit (draft and open sessions) or move the status on; refused moves are 409. */
  @Patch(':id')
  @Roles('organiser')
  update(@UuidParam('id') id: string, @Body() body: UpdateSessionDto) {
    return this.sessions.update(id, body);
  }

  /** A verified company joins (201), or updates its availability by joining again (200). */
  @Post(':id/participants')
  async join(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: JoinSessionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { participant, created } = await this.participants.join(user, id, body);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return participant;
  }

  /** A participant's availability, replaced whole (its own users, organisers). */
  @Patch(':id/participants/:companyId')
  updateParticipant(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('companyId') companyId: string,
    @Body() body: UpdateParticipantDto,
  ) {
    return this.participants.updateAvailability(user, id, companyId, body);
  }

  /**
   * Takes a company out of the session before it is live (its own users, organisers): its
   * requests not yet met and its scheduled meetings are cancelled, the other firms told.
   */
  @Delete(':id/participants/:companyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeParticipant(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('companyId') companyId: string,
  ): Promise<void> {
    await this.participants.remove(user, id, companyId);
  }

  /** Emails a firm an invitation to register and take part (organisers). */
  @Post(':id/invitations')
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  invite(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: InviteToSessionDto,
  ): Promise<SessionInvitationView> {
    return this.invitations.invite(user, id, body);
  }

  /** The session's invitations, newest first (organisers). */
  @Get(':id/invitations')
  @Roles('organiser')
  invitationsOf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<SessionInvitationView[]> {
    return this.invitations.list(user, id);
  }

  @Get(':id/participants')
  participantsOf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: CursorPaginationQuery,
  ) {
    return this.participants.list(user, id, query);
  }
}
