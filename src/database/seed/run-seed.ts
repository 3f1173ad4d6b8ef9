import 'reflect-metadata';
import { ConfigError, loadDatabaseUrl } from '../../config/app-config';
import { withDataSource } from '../migrate';
import { DEMO_PASSWORD, seedDemo } from './seed';

/** `npm run seed`: loads the demo into DATABASE_URL (already migrated). */
async function main(): Promise<void> {
  const result = await withDataSource(loadDatabaseUrl(), seedDemo);
  console.log(
    `Demo loaded: ${result.users} new accounts, ${result.companies} new companies, ` +
      `${result.delegations} new delegations, ${result.sessions} new sessions ` +
      `(demo password: ${DEMO_PASSWORD}). Start the worker to index them for search.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
