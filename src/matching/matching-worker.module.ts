import { Module } from '@nestjs/common';
import { JobsWorkerModule } from '../jobs/jobs-worker.module';
import { LiveWorkerModule } from '../live/live-worker.module';
import { ScoringQueueModule } from './scoring-queue.module';
import { ScoringProcessor } from './scoring.processor';
import { ScoringWorkerService } from './scoring-worker.service';

/** The worker's side of matching: scoring jobs and full rescores. */
@Module({
  imports: [ScoringQueueModule, JobsWorkerModule, LiveWorkerModule],
  providers: [ScoringProcessor, ScoringWorkerService],
})
export class MatchingWorkerModule {}
