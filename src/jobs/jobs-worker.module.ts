import { Module } from '@nestjs/common';
import { LiveWorkerModule } from '../live/live-worker.module';
import { ScoringQueueModule } from '../matching/scoring-queue.module';
import { JobProgressReporter } from './job-progress.reporter';
import { JobRecovery } from './job-recovery.service';
import { JobsService } from './jobs.service';
import { StepPauses } from './step-pause';

/** What every worker feature shares: job progress, step pauses, and the runs queued again. */
@Module({
  imports: [LiveWorkerModule, ScoringQueueModule],
  providers: [JobsService, JobProgressReporter, JobRecovery, StepPauses],
  exports: [JobProgressReporter, StepPauses],
})
export class JobsWorkerModule {}
