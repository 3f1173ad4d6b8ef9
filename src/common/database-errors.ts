/** PostgreSQL error codes the services turn into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

interface DriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): DriverError | null {
  if (typeof error !== 'object' || error === null) return null;
  const inner = (error as { driverError?: unknown }).driverError ?? error;
  return typeof inner === 'object' && inner !== null ? inner : null;
}

/** True when `error` is a unique violation, optionally of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const inner = driverError(error);
  return (
    inner?.code === PG_UNIQUE_VIOLATION &&
    (constraint === undefined || inner.constraint === constraint)
  );
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** True when the database could not be reached or went away (the request may be retried). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const inner = driverError(error);
  if (inner?.code && UNAVAILABLE_CODES.has(inner.code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(
    message,
  );
}
