import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { sendsCsv } from '../common/csv';
import { ProgrammeReportQuery } from './dto/programme-report.query';
import { ProgrammeReportService } from './programme-report.service';
import type { ProgrammeReport } from './programme.wire';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('programme/report')
export class ProgrammeReportController {
  constructor(private readonly reports: ProgrammeReportService) {}

  /**
   * Per partner economy and year: activities, distinct firms, meetings held, ratings, follow-ups
   * and agreements signed, with each partner's agreements and the trend across years; `?format=csv`.
   */
  @Get()
  @Roles('organiser')
  @ApiProduces('application/json', 'text/csv')
  async report(
    @Query() query: ProgrammeReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgrammeReport | string> {
    if (query.format !== 'csv') return this.reports.report(query);
    const body = await this.reports.csv(query);
    sendsCsv(reply, `programme-report-${query.year ?? 'all-years'}.csv`);
    return body;
  }
}
