import { Module } from '@nestjs/common';
import { JobProgressReporter } from '../jobs/job-progress.reporter';
import { JobRecovery } from '../jobs/job-recovery.service';
import { JobsService } from '../jobs/jobs.service';
import { StepPauses } from '../jobs/step-pause';
import { LiveEmitter } from '../live/live-emitter';
import { SchedulePublisher } from '../scheduling/schedule-publisher.service';
import { SchedulingProcessor } from '../scheduling/scheduling.processor';
import { SessionClockProcessor } from '../sessions/jobs/session-clock.processor';
import { SessionClock } from '../sessions/jobs/session-clock.queue';
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
    SessionClock,
    JobsService,
    JobProgressReporter,
    JobRecovery,
    StepPauses,
  ],
})
export class ScoringJobsModule {}
