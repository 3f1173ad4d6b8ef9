import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { sendsCsv } from '../common/csv';
import { UuidParam } from '../common/uuid-param';
import { MeetingsExportService } from './meetings-export.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('sessions/:id')
export class MeetingsExportController {
  constructor(private readonly meetings: MeetingsExportService) {}

  /**
   * One row per meeting: the slot's date and times in the session's zone, both firms and their
   * countries, the status, and each side's rating, outcome and comment.
   */
  @Get('meetings.csv')
  @Roles('organiser')
  @ApiProduces('text/csv')
  async meetingsCsv(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = await this.meetings.csv(user, id);
    sendsCsv(reply, `session-${id}-meetings.csv`);
    return body;
  }
}
