import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** A session's report: meetings held, no-shows, ratings and outcomes. */
@Module({
  imports: [SessionsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
