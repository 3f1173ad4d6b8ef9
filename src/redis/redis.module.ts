import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisOptionsFromUrl } from './redis-options';

const logger = new Logger('Redis');

/** Injection token of the shared ioredis client (rate limits, health; not BullMQ's own). */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis({
          ...redisOptionsFromUrl(config.redisUrl),
          // Fail commands fast while Redis is away instead of queueing them forever.
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        });
        // ioredis reconnects by itself; health reports the outage meanwhile.
        redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
