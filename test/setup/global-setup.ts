import { Client } from 'pg';
import { migrate } from '../../src/database/migrate';
import { databaseUrlFor, newRunId, TEST_PG_ADMIN_URL, TEST_REDIS_URL } from './test-env';

/**
 * Creates this run's own database, applies the migrations to it, and sets the environment the
 * suites (and the processes they start) read. The workers inherit process.env from here.
 */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  const database = `tm_test_${runId}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const databaseUrl = databaseUrlFor(database);
  await migrate(databaseUrl);

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `tm-test-${runId}`,
    JWT_SECRET: `test-secret-${runId}-0123456789abcdef0123456789`,
    ADMIN_EMAIL: 'admin@test.example',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The hourly digest job would mail every suite's users with requests waiting; its own test
    // runs it by hand.
    REQUESTS_DIGEST_HOUR: 'off',
    // Likewise the weekly digest of new posts on the opportunities board.
    OPPORTUNITY_DIGEST_DAY: 'off',
    TM_TEST_DATABASE: database,
  });
}
