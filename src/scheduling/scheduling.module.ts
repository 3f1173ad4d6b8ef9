import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { MeetingNoticesModule } from '../meetings/meeting-notices.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { ScheduleDraftsController } from './schedule-drafts.controller';
import { ScheduleDrafts } from './schedule-drafts.service';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** Scheduling runs, the schedule and agendas (API side; the worker's is SchedulingWorkerModule). */
@Module({
  imports: [SessionsModule, MeetingsModule, MeetingNoticesModule, LiveModule],
  controllers: [SchedulingController, ScheduleDraftsController, CalendarFeedController],
  providers: [SchedulingService, ScheduleDrafts],
})
export class SchedulingModule {}
