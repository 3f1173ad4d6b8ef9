import { randomBytes } from 'node:crypto';

/** Where the e2e suites find PostgreSQL and Redis (the machine's own, as CI leaves them). */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh database name and Redis key prefix per run, so runs never see each other's data. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function databaseUrlFor(name: string): string {
  return TEST_PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
}
