import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  JOBS,
  OPPORTUNITIES_DIGEST_SCHEDULER,
  QUEUES,
  type OpportunitiesDigestJob,
} from '../jobs/queues';
import { processorOptions } from '../jobs/worker-options';
import { OpportunitiesDigest } from './opportunities-digest.service';

/**
 * Runs the weekly digest of the opportunities board at 01:00 UTC on the configured day (09:00 in
 * Hong Kong, the evening before in Canada): BullMQ's job scheduler makes one job a week however
 * many workers upsert it, and the digest itself is idempotent per user and week.
 */
@Processor(QUEUES.opportunities, processorOptions(1))
export class OpportunitiesDigestProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(OpportunitiesDigestProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.opportunities) private readonly queue: Queue<OpportunitiesDigestJob>,
    private readonly digest: OpportunitiesDigest,
  ) {
    super();
  }

  async process(job: Job<OpportunitiesDigestJob>): Promise<number> {
    if (job.name !== JOBS.opportunitiesDigest) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.opportunities}`);
    }
    return this.digest.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    const day = this.config.opportunityDigestDay;
    const scheduled =
      day === null
        ? this.queue.removeJobScheduler(OPPORTUNITIES_DIGEST_SCHEDULER)
        : this.queue.upsertJobScheduler(
            OPPORTUNITIES_DIGEST_SCHEDULER,
            { pattern: `0 1 * * ${day}`, tz: 'UTC' },
            {
              name: JOBS.opportunitiesDigest,
              data: {},
              opts: { removeOnComplete: { count: 8 }, removeOnFail: { count: 8 } },
            },
          );
    // Redis away at start: the next worker to start schedules it (the digest is not urgent).
    await scheduled.catch((error: unknown) =>
      this.logger.warn({ err: error }, 'the weekly opportunities digest is not scheduled'),
    );
  }
}
