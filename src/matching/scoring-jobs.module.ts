import { Module } from '@nestjs/common';
import { LiveEmitter } from '../live/live-emitter';
import { SchedulePublisher } from '../scheduling/schedule-publisher.service';
import { SchedulingProcessor } from '../scheduling/scheduling.processor';
import { SessionClockProcessor } from '../sessions/jobs/session-clock.processor';
import { ScoringQueueModule } from './scoring-queue.module';
import { ScoringProcessor } from './scoring.processor';
import { ScoringWorkerService } from './scoring-worker.service';

/** The worker's side of sessions, scoring and scheduling. */
@Module({
  imports: [ScoringQueueModule],
  providers: [
    ScoringProcessor,
    ScoringWorkerService,
    SessionClockProcessor,
    SchedulingProcessor,
    SchedulePublisher,
    LiveEmitter,
  ],
})
export class ScoringJobsModule {}
