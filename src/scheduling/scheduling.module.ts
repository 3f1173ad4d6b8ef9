import { Module } from '@nestjs/common';
import { TokenModule } from '../auth/token.module';
import { CompaniesModule } from '../companies/companies.module';
import { LiveModule } from '../live/live.module';
import { MeetingsController } from '../meetings/meetings.controller';
import { MeetingsService } from '../meetings/meetings.service';
import { ReportsController } from '../reports/reports.controller';
import { ReportsService } from '../reports/reports.service';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarFeedController, SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** Scheduling runs, schedules, agendas, meetings and reports (API side). */
@Module({
  imports: [SessionsModule, CompaniesModule, LiveModule, TokenModule],
  controllers: [
    SchedulingController,
    CalendarFeedController,
    MeetingsController,
    ReportsController,
  ],
  providers: [SchedulingService, MeetingsService, ReportsService],
})
export class SchedulingModule {}
