import { Client } from 'pg';
import { migrate } from '../../src/database/migrate';
import { databaseUrlFor, newRunId, TEST_PG_ADMIN_URL } from '../setup/test-env';

/**
 * A migrated database of one suite's own, for rows that would disturb the other suites on the
 * run's shared database (the demo's companies, 30,000 firms of the list plans). The suite creates
 * it in `beforeAll` and drops it in `afterAll`, after closing its own connections.
 */
export interface ScratchDatabase {
  readonly url: string;
  /** Creates the database and applies every migration. */
  create(): Promise<void>;
  /** Drops the database, cutting off any connection still open to it. */
  drop(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A scratch database named after the suite (`label`) and the run, not created yet. */
export function scratchDatabase(label: string): ScratchDatabase {
  const name = `tm_test_${label}_${newRunId()}`;
  const url = databaseUrlFor(name);
  return {
    url,
    async create() {
      await asAdmin(`CREATE DATABASE "${name}"`);
      await migrate(url);
    },
    drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
