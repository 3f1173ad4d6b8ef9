import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The pause between the steps of a long job that `JOB_STEP_DELAY_MS` asks for: none in
 * production; fault tests set it so that a worker they kill dies in the middle of a job.
 */
export function stepPause(ms: number): Promise<void> {
  return ms > 0 ? sleep(ms) : Promise.resolve();
}
