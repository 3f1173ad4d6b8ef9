import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { LiveEmitter } from '../live/live-emitter';
import { JobsService } from './jobs.service';

/**
 * Tells organisers (`job.progress`) how a job they started is doing, in the shape of
 * `GET /api/jobs/:id`. A block of a full rescore reports its flow's parent, the job id organisers
 * were given. Sent by the worker that ran the job, so each change is sent once.
 */
@Injectable()
export class JobProgressReporter {
  private readonly logger = new Logger(JobProgressReporter.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly live: LiveEmitter,
  ) {}

  async report(job: Job<{ sessionId?: string }>): Promise<void> {
    const sessionId = job.data.sessionId;
    const id = job.parent?.id ?? job.id;
    if (!sessionId || !id) return;
    try {
      this.live.jobProgress(sessionId, await this.jobs.get(id));
    } catch (error) {
      this.logger.warn({ err: error, jobId: id }, 'job progress not reported');
    }
  }
}
