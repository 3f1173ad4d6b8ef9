import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOBS, QUEUES, REQUESTS_DIGEST_SCHEDULER, type RequestsDigestJob } from '../jobs/queues';
import { processorOptions } from '../jobs/worker-options';
import { RequestsDigest } from './requests-digest.service';

/**
 * Runs the digest of waiting requests every hour, on the hour (UTC): BullMQ's job scheduler
 * makes one job per hour however many workers upsert it, and each run tells the users whose own
 * day has reached the digest hour (see RequestsDigest).
 */
@Processor(QUEUES.notices, processorOptions(1))
export class RequestsDigestProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequestsDigestProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.notices) private readonly queue: Queue<RequestsDigestJob>,
    private readonly digest: RequestsDigest,
  ) {
    super();
  }

  async process(job: Job<RequestsDigestJob>): Promise<number> {
    if (job.name !== JOBS.requestsDigest) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.notices}`);
    }
    return this.digest.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    const scheduled =
      this.config.requestsDigestHour === null
        ? this.queue.removeJobScheduler(REQUESTS_DIGEST_SCHEDULER)
        : this.queue.upsertJobScheduler(
            REQUESTS_DIGEST_SCHEDULER,
            { pattern: '0 * * * *', tz: 'UTC' },
            {
              name: JOBS.requestsDigest,
              data: {},
              opts: { removeOnComplete: { count: 48 }, removeOnFail: { count: 48 } },
            },
          );
    // Redis away at start: the next worker to start schedules it (the digest is not urgent).
    await scheduled.catch((error: unknown) =>
      this.logger.warn({ err: error }, 'the hourly requests digest is not scheduled'),
    );
  }
}
