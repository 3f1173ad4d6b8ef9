import { Module } from '@nestjs/common';
import { JobsWorkerModule } from '../jobs/jobs-worker.module';
import { LiveWorkerModule } from '../live/live-worker.module';
import { SchedulePublisher } from './schedule-publisher.service';
import { SchedulingProcessor } from './scheduling.processor';

/** The worker's side of scheduling: runs the solver and publishes the schedule. */
@Module({
  imports: [JobsWorkerModule, LiveWorkerModule],
  providers: [SchedulingProcessor, SchedulePublisher],
})
export class SchedulingWorkerModule {}
