/**
 * True for ioredis's errors of a Redis that is away: a command refused while disconnected, a
 * connection closed under a command, retries given up. The request may be retried.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  return /enableOfflineQueue options is false|^Connection is closed\.?$/.test(error.message);
}
