import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import {
  AGREEMENT_REMINDERS_SCHEDULER,
  JOBS,
  QUEUES,
  type AgreementRemindersJob,
} from '../jobs/queues';
import { processorOptions } from '../jobs/worker-options';
import { AgreementReminders } from './agreement-reminders.service';

/**
 * Runs the agreement reminders every day at 00:30 UTC (08:30 in Hong Kong): BullMQ's job scheduler
 * makes one job a day however many workers upsert it, and the reminders are once per agreement and
 * expiry date whatever runs twice.
 */
@Processor(QUEUES.partners, processorOptions(1))
export class AgreementRemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(AgreementRemindersProcessor.name);

  constructor(
    @InjectQueue(QUEUES.partners) private readonly queue: Queue<AgreementRemindersJob>,
    private readonly reminders: AgreementReminders,
  ) {
    super();
  }

  async process(job: Job<AgreementRemindersJob>): Promise<number> {
    if (job.name !== JOBS.agreementReminders) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.partners}`);
    }
    return this.reminders.run();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .upsertJobScheduler(
        AGREEMENT_REMINDERS_SCHEDULER,
        { pattern: '30 0 * * *', tz: 'UTC' },
        {
          name: JOBS.agreementReminders,
          data: {},
          opts: { removeOnComplete: { count: 8 }, removeOnFail: { count: 8 } },
        },
      )
      // Redis away at start: the next worker to start schedules it (a day's delay at most).
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'the daily agreement reminders are not scheduled'),
      );
  }
}
