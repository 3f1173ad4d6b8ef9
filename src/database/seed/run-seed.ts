import 'reflect-metadata';
import { ConfigError, loadDatabaseUrl, loadLinkConfig } from '../../config/app-config';
import { withDataSource } from '../migrate';
import { DEMO_PASSWORD, seedDemo } from './seed';

/**
 * `npm run seed`: loads the demo into DATABASE_URL (already migrated). With JWT_SECRET (and
 * APP_URL) of the app, it writes the demo's notifications and emails too, linking to the app.
 */
async function main(): Promise<void> {
  const links = loadLinkConfig();
  const result = await withDataSource(loadDatabaseUrl(), (db) => seedDemo(db, links));
  console.log(
    `Demo loaded: ${result.users} new accounts, ${result.companies} new companies, ` +
      `${result.delegations} new delegations, ${result.sessions} new sessions, ` +
      `${result.opportunities} new posts on the opportunities board, ` +
      `${result.programme.partners} new partner economies, ${result.programme.seminars} new seminars, ` +
      `${result.programme.pastSessions} past sessions with follow-ups ` +
      `(demo password: ${DEMO_PASSWORD}). Start the worker to index them for search.`,
  );
  if (!links) console.log('No JWT_SECRET: the demo was loaded without notifications or emails.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
