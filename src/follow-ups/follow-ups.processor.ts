import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { FOLLOW_UPS_SCHEDULER, JOBS, QUEUES, type SendFollowUpsJob } from '../jobs/queues';
import { processorOptions } from '../jobs/worker-options';
import { FollowUpSender } from './follow-up-sender.service';

/** Surveys fall due months ahead: looking every ten minutes sends each within that of its time. */
const EVERY_MS = 10 * 60_000;

/**
 * Sends due follow-up surveys, every ten minutes: BullMQ's job scheduler makes one job per
 * interval however many workers upsert it, and each survey is sent at most once (FollowUpSender).
 */
@Processor(QUEUES.followUps, processorOptions(1))
export class FollowUpsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpsProcessor.name);

  constructor(
    @InjectQueue(QUEUES.followUps) private readonly queue: Queue<SendFollowUpsJob>,
    private readonly sender: FollowUpSender,
  ) {
    super();
  }

  async process(job: Job<SendFollowUpsJob>): Promise<number> {
    if (job.name !== JOBS.sendFollowUps) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.followUps}`);
    }
    return this.sender.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .upsertJobScheduler(
        FOLLOW_UPS_SCHEDULER,
        { every: EVERY_MS },
        {
          name: JOBS.sendFollowUps,
          data: {},
          opts: { removeOnComplete: { count: 8 }, removeOnFail: { count: 8 } },
        },
      )
      // Redis away at start: the next worker to start schedules it (surveys are not urgent).
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'the sending of follow-up surveys is not scheduled'),
      );
  }
}
