import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  Inject,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JOBS, QUEUES, type DeliverMailJob } from '../../jobs/queues';
import { processorOptions } from '../../jobs/worker-options';
import { MailTransport } from './mail-transport.service';
import { OutboxDelivery, type DeliveryOutcome } from './outbox-delivery.service';

/**
 * The worker's side of the outbox: each delivery job sends its row, and every OUTBOX_SWEEP_MS a
 * sweep sends what no job will: rows whose job was never queued (the API died between its commit
 * and the queueing, or Redis was away), whose job Redis lost, or whose retry is due. Without
 * SMTP_URL it sends nothing and says so once: the emails wait in the outbox.
 */
@Processor(QUEUES.mail, processorOptions(8))
export class MailProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(MailProcessor.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: OutboxDelivery,
    private readonly transport: MailTransport,
  ) {
    super();
  }

  async process(job: Job<DeliverMailJob>): Promise<DeliveryOutcome | 'no-smtp'> {
    if (job.name !== JOBS.deliverMail) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.mail}`);
    }
    if (!this.transport.configured) return 'no-smtp';
    return this.delivery.deliver(job.data.outboxId);
  }

  onApplicationBootstrap(): void {
    if (!this.transport.configured) {
      this.logger.warn('SMTP_URL is not set: emails wait in the outbox until a worker has it');
      return;
    }
    this.timer = setInterval(() => this.sweepOnce(), this.config.outboxSweepMs);
    this.timer.unref();
    this.sweepOnce();
  }

  /** One sweep at a time per worker; a sweep that finds a full batch goes on at once. */
  private sweepOnce(): void {
    if (this.sweeping) return;
    const run = async () => {
      for (;;) {
        const count = await this.delivery.sweep(this.config.outboxSweepMs);
        if (count < 200 || !this.timer) return;
      }
    };
    this.sweeping = run()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox sweep failed'))
      .finally(() => (this.sweeping = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }
}
