import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { AgendaQuery } from '../meetings/dto/meeting.dto';
import { MeetingsService } from '../meetings/meetings.service';
import { StartScheduleDto } from './dto/schedule.dto';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('sessions/:id')
export class SchedulingController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsService,
  ) {}

  /**
   * Queues scheduling: `202 {jobId}`; follow it at GET /api/jobs/:jobId. With `{draft: true}` the
   * run makes a draft instead of publishing. Before the request deadline, a `warning` says that
   * later requests will need another run.
   */
  @Post('schedule')
  @Roles('organiser')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBody({ type: StartScheduleDto, required: false })
  start(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: StartScheduleDto,
  ) {
    return this.scheduling.start(user, id, body.draft ?? false);
  }

  /**
   * `{meetings, report}`: every meeting, and the placement report of the last run, its `gaps`
   * those of the meetings as they stand now.
   */
  @Get('schedule')
  @Roles('organiser')
  schedule(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.meetings.schedule(user, id);
  }

  /** One company's meetings, in UTC and in the viewer's zone (`timezone`, else the company's). */
  @Get('agenda')
  agenda(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: AgendaQuery) {
    return this.meetings.agenda(user, id, query.companyId, query.timezone);
  }

  /** `{breaks, idleSlots, idleMinutes}`: the gaps between the meetings of the same agenda. */
  @Get('agenda/gaps')
  agendaGaps(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: AgendaQuery,
  ) {
    return this.meetings.agendaGaps(user, id, query.companyId);
  }

  /** A link calendar apps can subscribe to, without a bearer token: `{url}`. */
  @Get('agenda/feed')
  agendaFeed(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: AgendaQuery,
  ) {
    return this.meetings.agendaFeed(user, id, query.companyId);
  }

  @Get('agenda.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async agendaCalendar(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: AgendaQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { filename, body } = await this.meetings.agendaCalendar(user, id, query.companyId);
    void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
