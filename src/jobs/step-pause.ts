import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';

/**
 * The pause between the steps of a long job that `JOB_STEP_DELAY_MS` asks for: none in
 * production; fault tests set it so that a worker they kill dies in the middle of a job.
 */
export function stepPause(ms: number): Promise<void> {
  return ms > 0 ? sleep(ms) : Promise.resolve();
}

/** A hold point never keeps a job longer than this, whatever a test left behind. */
const HOLD_AT_MOST_MS = 30_000;
const POLL_MS = 25;

/**
 * Named points inside long jobs (`schedule.before-publish`, `score.before-write`) where a job
 * makes the `JOB_STEP_DELAY_MS` pause and, in tests, can be held: while the Redis key
 * `<REDIS_PREFIX>:hold:<point>:<id>` exists, the job waits there (at most 30 s), having first set
 * `<key>:reached`. Race tests use it to make a write land exactly between a job's reading of its
 * inputs and its writing of results. With `JOB_STEP_DELAY_MS` at 0 (production) this does
 * nothing at all, not even a Redis call.
 */
@Injectable()
export class StepPauses {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async at(point: string, id: string): Promise<void> {
    const ms = this.config.jobStepDelayMs;
    if (ms <= 0) return;
    await sleep(ms);
    const key = holdKey(this.config.redisPrefix, point, id);
    await this.redis.set(`${key}:reached`, '1', 'PX', HOLD_AT_MOST_MS);
    const deadline = Date.now() + HOLD_AT_MOST_MS;
    while (Date.now() < deadline && (await this.redis.exists(key)) === 1) await sleep(POLL_MS);
  }
}

/** The Redis key that holds a job at `point` while it exists (tests only, see StepPauses). */
export function holdKey(redisPrefix: string, point: string, id: string): string {
  return `${redisPrefix}:hold:${point}:${id}`;
}
