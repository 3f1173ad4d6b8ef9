import { Module } from '@nestjs/common';
import { JobsWorkerModule } from '../jobs/jobs-worker.module';
import { LiveWorkerModule } from '../live/live-worker.module';
import { MeetingNoticesWorkerModule } from '../meetings/meeting-notices-worker.module';
import { SchedulePublisher } from './schedule-publisher.service';
import { SchedulingProcessor } from './scheduling.processor';

/** The worker's side of scheduling: runs the solver, publishes the schedule and tells the firms. */
@Module({
  imports: [JobsWorkerModule, LiveWorkerModule, MeetingNoticesWorkerModule],
  providers: [SchedulingProcessor, SchedulePublisher],
})
export class SchedulingWorkerModule {}
