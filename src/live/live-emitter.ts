import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { rooms, type ServerToClientEvents } from './live.events';

/**
 * Emits live events from a process without a socket.io server (the worker), through the same
 * Redis channel as the API processes' adapter, so they reach every connected client.
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;
  private readonly logger = new Logger(LiveEmitter.name);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl);
    this.redis.on('error', () => undefined);
    // The emitter drops the promise of each publish: a publish that fails (Redis down, or the
    // process shutting down while a job finishes) is logged here instead of becoming an
    // unhandled rejection. A live notice is best effort; the data it announces is in PostgreSQL.
    const publisher = {
      publish: (channel: string, message: string | Buffer): Promise<number> =>
        this.redis.publish(channel, message).catch((error: unknown) => {
          this.logger.warn(
            `live event not sent: ${error instanceof Error ? error.message : String(error)}`,
          );
          return 0;
        }),
    };
    this.emitter = new Emitter<ServerToClientEvents>(publisher, {
      key: `${config.redisPrefix}:socket.io`,
    }).of('/live');
  }

  /** Scoring finished for these companies of a session. */
  matchesUpdated(sessionId: string, companyIds: readonly string[]): void {
    if (companyIds.length === 0) return;
    this.emitter.to(companyIds.map(rooms.company)).emit('matches.updated', { sessionId });
  }

  /** A new schedule is out: every participant's agenda may have changed. */
  schedulePublished(sessionId: string, companyIds: readonly string[]): void {
    this.emitter
      .to([...companyIds.map(rooms.company), rooms.organisers])
      .emit('schedule.published', { sessionId });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
