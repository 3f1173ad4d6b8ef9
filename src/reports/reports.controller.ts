import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn } from 'class-validator';
import { Optional } from '../common/validators';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { sendsCsv } from '../common/csv';
import { UuidParam } from '../common/uuid-param';
import { ReportsService } from './reports.service';

export class ReportQuery {
  @Optional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('sessions/:id/report')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Meetings held, no-shows, ratings and outcomes, overall and by country pair; `?format=csv`. */
  @Get()
  @Roles('organiser')
  @ApiQuery({ name: 'format', enum: ['json', 'csv'], required: false })
  @ApiProduces('application/json', 'text/csv')
  async report(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (query.format !== 'csv') return this.reports.report(user, id);
    const body = await this.reports.csv(user, id);
    sendsCsv(reply, `session-${id}-report.csv`);
    return body;
  }
}
