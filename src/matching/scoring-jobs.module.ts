import { Module } from '@nestjs/common';
import { LiveEmitter } from '../live/live-emitter';
import { SessionClockProcessor } from '../sessions/jobs/session-clock.processor';
import { ScoringQueueModule } from './scoring-queue.module';
import { ScoringProcessor } from './scoring.processor';
import { ScoringWorkerService } from './scoring-worker.service';

/** The worker's side of sessions and scoring. */
@Module({
  imports: [ScoringQueueModule],
  providers: [ScoringProcessor, ScoringWorkerService, SessionClockProcessor, LiveEmitter],
})
export class ScoringJobsModule {}
