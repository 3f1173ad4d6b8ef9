import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { MeetingsExportController } from './meetings-export.controller';
import { MeetingsExportService } from './meetings-export.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** A session's report (meetings held, no-shows, ratings and outcomes) and its meetings as CSV. */
@Module({
  imports: [SessionsModule],
  controllers: [ReportsController, MeetingsExportController],
  providers: [ReportsService, MeetingsExportService],
})
export class ReportsModule {}
