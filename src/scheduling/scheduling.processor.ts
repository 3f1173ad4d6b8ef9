import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { processorOptions } from '../jobs/worker-options';
import { JobProgressReporter } from '../jobs/job-progress.reporter';
import { JOBS, QUEUES, type ScheduleJob } from '../jobs/queues';
import type { PlacementReport } from './schedule-report.entity';
import { SchedulePublisher } from './schedule-publisher.service';

/** Scheduling runs (worker only). */
@Processor(QUEUES.scheduling, processorOptions(1))
export class SchedulingProcessor extends WorkerHost {
  constructor(
    private readonly publisher: SchedulePublisher,
    private readonly progress: JobProgressReporter,
  ) {
    super();
  }

  /** Organisers follow a run: each step, the end, a failure. */
  @OnWorkerEvent('progress')
  onProgress(job: Job<{ sessionId?: string }>): Promise<void> {
    return this.progress.report(job);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job<{ sessionId?: string }>): Promise<void> {
    return this.progress.report(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<{ sessionId?: string }> | undefined): Promise<void> {
    return job ? this.progress.report(job) : Promise.resolve();
  }

  process(job: Job<ScheduleJob>): Promise<PlacementReport | null> {
    if (job.name !== JOBS.schedule)
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.scheduling}`);
    return this.publisher.run(job);
  }
}
