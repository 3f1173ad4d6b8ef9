import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** Scheduling runs, the schedule and agendas (API side; the worker's is SchedulingWorkerModule). */
@Module({
  imports: [SessionsModule, MeetingsModule],
  controllers: [SchedulingController, CalendarFeedController],
  providers: [SchedulingService],
})
export class SchedulingModule {}
