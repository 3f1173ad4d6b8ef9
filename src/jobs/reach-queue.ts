import { AppError } from '../common/app-error';

/** How long an HTTP request waits for Redis to take or give a job before it answers 503. */
export const QUEUE_DEADLINE_MS = 5000;

/** The 503 of a request that needs the job queue while Redis is away. */
export function queueUnavailable(): AppError {
  return new AppError(
    'unavailable',
    'queue_unavailable',
    'The job queue is not reachable right now; try again shortly',
    undefined,
    5,
  );
}

/**
 * Runs a queue operation an HTTP request waits for, bounded in time: while Redis is away the
 * request gets a 503 (`queue_unavailable`) instead of an error 500 or an answer that never comes.
 */
export async function reachQueue<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(queueUnavailable()), QUEUE_DEADLINE_MS);
  });
  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    throw error instanceof AppError ? error : queueUnavailable();
  } finally {
    clearTimeout(timer);
  }
}
