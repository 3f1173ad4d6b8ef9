import type { WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/** The lock settings every processor's worker gets, set from the configuration at start. */
const lock = { durationMs: 30_000 };

/**
 * Sets how long a worker's lock on a job lasts before the job counts as stalled. Called by
 * `WorkerModule.forRoot` before Nest builds the workers.
 */
export function configureJobLocks(config: Pick<AppConfig, 'jobLockMs'>): void {
  lock.durationMs = config.jobLockMs;
}

/**
 * Options for `@Processor()`. Decorators run when their file is loaded, before the configuration
 * is read, so the lock settings are getters: @nestjs/bullmq spreads these options into each
 * Worker when it builds it, at start, and reads the configured values then.
 *
 * A worker renews its locks every `lockDuration / 2`; a worker that died stops renewing, and the
 * stalled-job check (every `stalledInterval`, by any worker) puts its job back in the queue once
 * the lock is gone, so another worker finishes it within about two lock durations. A job that
 * stalls twice fails (`maxStalledCount: 1`) rather than being run forever.
 */
export function processorOptions(concurrency: number): Partial<WorkerOptions> {
  return {
    concurrency,
    maxStalledCount: 1,
    get lockDuration() {
      return lock.durationMs;
    },
    get stalledInterval() {
      return lock.durationMs;
    },
  };
}
