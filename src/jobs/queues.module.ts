import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Global, Injectable, Logger, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from './queues';

const registered = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));

/** Logs a queue's Redis errors once (ioredis reconnects by itself; health reports the outage). */
@Injectable()
class QueueErrorLogger {
  private readonly logger = new Logger('Queues');

  constructor(
    @InjectQueue(QUEUES.companies) companies: Queue,
    @InjectQueue(QUEUES.sessions) sessions: Queue,
    @InjectQueue(QUEUES.scoring) scoring: Queue,
    @InjectQueue(QUEUES.scheduling) scheduling: Queue,
    @InjectQueue(QUEUES.mail) mail: Queue,
    @InjectQueue(QUEUES.notices) notices: Queue,
    @InjectQueue(QUEUES.liveNotices) liveNotices: Queue,
    @InjectQueue(QUEUES.opportunities) opportunities: Queue,
    @InjectQueue(QUEUES.followUps) followUps: Queue,
  ) {
    for (const queue of [
      companies,
      sessions,
      scoring,
      scheduling,
      mail,
      notices,
      liveNotices,
      opportunities,
      followUps,
    ]) {
      queue.on('error', (error) =>
        this.logger.warn({ err: error }, `queue ${queue.name}: ${error.message}`),
      );
    }
  }
}

/** Every queue of QUEUES, registered once and injectable everywhere with `@InjectQueue(name)`. */
@Global()
@Module({ imports: [registered], providers: [QueueErrorLogger], exports: [registered] })
export class QueuesModule {}
