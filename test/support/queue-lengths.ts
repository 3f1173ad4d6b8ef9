import type { Redis } from 'ioredis';
import { QUEUES } from '../../src/jobs/queues';
import { settle } from './live';

export interface QueueLength {
  waiting: number;
  delayed: number;
  active: number;
  /** Waiting, delayed, active, prioritised and waiting for children: every job not finished. */
  total: number;
}

/**
 * The length of every BullMQ queue of the app (src/jobs/queues.ts), read straight from Redis
 * under the run's prefix (`${REDIS_PREFIX}:bull`, as core.module.ts configures BullMQ).
 */
export async function queueLengths(
  redis: Redis,
  prefix = `${process.env.REDIS_PREFIX}:bull`,
): Promise<Record<string, QueueLength>> {
  const lengths: Record<string, QueueLength> = {};
  for (const queue of Object.values(QUEUES)) {
    const key = `${prefix}:${queue}`;
    const [[, waiting], [, delayed], [, active], [, prioritized], [, children]] = (await redis
      .multi()
      .llen(`${key}:wait`)
      .zcard(`${key}:delayed`)
      .llen(`${key}:active`)
      .zcard(`${key}:prioritized`)
      .zcard(`${key}:waiting-children`)
      .exec()) as [unknown, number][];
    lengths[queue] = {
      waiting: waiting + prioritized,
      delayed,
      active,
      total: waiting + delayed + active + prioritized + children,
    };
  }
  return lengths;
}

/**
 * Waits until no queue has a job waiting or running (delayed jobs, due later, do not count):
 * whatever the worker does after a write is then done. False when that took over `timeoutMs`.
 */
export async function queuesIdle(redis: Redis, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lengths = Object.values(await queueLengths(redis));
    if (lengths.every((length) => length.waiting === 0 && length.active === 0)) return true;
    if (Date.now() > deadline) return false;
    await settle(25);
  }
}
