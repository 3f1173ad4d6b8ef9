import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { processorOptions } from '../jobs/worker-options';
import { JobProgressReporter } from '../jobs/job-progress.reporter';
import {
  JOBS,
  QUEUES,
  type CompanyChangedJob,
  type FinishRescoreJob,
  type RescoreCompanyJob,
  type ScoreBlockJob,
} from '../jobs/queues';
import { ScoringWorkerService } from './scoring-worker.service';

/** Scoring jobs (worker only); one job at a time per worker, since each uses a core fully. */
@Processor(QUEUES.scoring, processorOptions(1))
export class ScoringProcessor extends WorkerHost {
  constructor(
    private readonly scoring: ScoringWorkerService,
    private readonly progress: JobProgressReporter,
  ) {
    super();
  }

  /** Organisers follow full rescores: each block done, and the end. */
  @OnWorkerEvent('completed')
  onCompleted(job: Job<{ sessionId?: string }>): Promise<void> {
    return this.reportFullRescore(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<{ sessionId?: string }> | undefined): Promise<void> {
    return job ? this.reportFullRescore(job) : Promise.resolve();
  }

  private async reportFullRescore(job: Job<{ sessionId?: string }>): Promise<void> {
    if (job.name === JOBS.scoreBlock || job.name === JOBS.finishRescore) {
      await this.progress.report(job);
    }
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOBS.scoreBlock:
        return this.scoring.scoreBlock(job as Job<ScoreBlockJob>);
      case JOBS.finishRescore:
        return this.scoring.finishRescore(job as Job<FinishRescoreJob>);
      case JOBS.rescoreCompany:
        return this.scoring.rescoreCompany((job as Job<RescoreCompanyJob>).data);
      case JOBS.companyChanged:
        return this.scoring.companyChanged((job as Job<CompanyChangedJob>).data);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.scoring}`);
    }
  }
}
