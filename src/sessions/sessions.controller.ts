import {
  Body,
  Controller,
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
import { PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/uuid-param';
import {
  CreateSessionDto,
  JoinSessionDto,
  ListSessionsQuery,
  UpdateSessionDto,
} from './dto/session.dto';
import { ParticipantsService } from './participants.service';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly participants: ParticipantsService,
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

  @Get(':id/participants')
  participantsOf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: PaginationQuery,
  ) {
    return this.participants.list(user, id, query);
  }
}
