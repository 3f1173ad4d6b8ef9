import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { CalendarFeedQuery } from '../meetings/dto/meeting.dto';
import { MeetingsService } from '../meetings/meetings.service';

/** Calendar feeds that calendar apps fetch by themselves, with the key in the link. */
@ApiTags('scheduling')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('agenda.ics')
  @Public()
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async agenda(@Query() query: CalendarFeedQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { filename, body } = await this.meetings.agendaCalendarByKey(query.key);
    void reply.header('Content-Disposition', `inline; filename="${filename}"`);
    return body;
  }
}
