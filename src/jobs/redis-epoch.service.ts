import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';

type Recovery = () => Promise<unknown>;

/** Besides each reconnection, the marker is checked this often (a Redis emptied under us). */
const CHECK_EVERY_MS = 15_000;

/**
 * Notices when Redis has lost its data, and has the work Redis held queued again from PostgreSQL.
 *
 * A Redis that keeps nothing on disk (or a new, empty one after a failover) comes back from a
 * restart without any of BullMQ's jobs: the queued and the running ones, and the delayed ones of
 * the slot clock and of sessions going live. Workers keep a marker key in Redis; when a worker
 * (re)connects and finds it missing, the one worker whose `SET NX` puts it back runs every
 * recovery registered here. Each recovery derives the work from PostgreSQL and queues it with job
 * ids derived from that work, so queueing what is still there changes nothing. The first start
 * on a new Redis counts as a loss too, which is harmless.
 */
@Injectable()
export class RedisEpoch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisEpoch.name);
  private readonly recoveries: { name: string; run: Recovery }[] = [];
  private readonly key: string;
  /** After a reconnection the recoveries run even if Redis kept its data (see check). */
  private readonly onReady = () => {
    const reconnected = this.connectedBefore;
    this.connectedBefore = true;
    void this.check(reconnected);
  };
  private readonly onTimer = () => void this.check(false);
  private connectedBefore = false;
  private closing = false;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.redisPrefix}:epoch`;
  }

  /** Registers work to queue again when Redis comes back without its data (at module init). */
  onDataLost(name: string, run: Recovery): void {
    this.recoveries.push({ name, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(this.onTimer, CHECK_EVERY_MS);
    this.timer.unref();
    this.connectedBefore = this.redis.status === 'ready';
    await this.check(false);
  }

  onApplicationShutdown(): void {
    this.closing = true;
    clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
  }

  /**
   * Puts the marker back if it is missing; the worker that did runs the recoveries. After this
   * worker reconnected (`reconnected`), it runs them whether or not Redis kept its data: while
   * Redis was away the API could not queue what it queues on the side (a session's go-live, a
   * company's refresh), and every recovery is idempotent.
   */
  async check(reconnected: boolean): Promise<boolean> {
    if (this.closing) return false;
    let lost: boolean;
    try {
      lost = (await this.redis.set(this.key, new Date().toISOString(), 'NX')) === 'OK';
    } catch {
      return false; // Redis away: checked again on the next 'ready'.
    }
    if (!lost && !reconnected) return false;
    this.logger.log(
      lost
        ? 'Redis has none of our jobs (first start, or it lost its data): queueing them again from the database'
        : 'Back in touch with Redis: queueing again from the database what may not have been queued',
    );
    for (const recovery of this.recoveries) {
      if (this.closing) break;
      try {
        await recovery.run();
      } catch (error) {
        // Let another check try again: the marker comes off, and the next 'ready' runs them all.
        this.logger.error({ err: error }, `recovery "${recovery.name}" failed`);
        await this.redis.del(this.key).catch(() => undefined);
      }
    }
    return true;
  }
}
