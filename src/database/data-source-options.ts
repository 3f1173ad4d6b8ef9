import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * Migrations live in the top-level `migrations/` folder. Compiled, they sit in `dist/migrations`
 * beside `dist/database`; run from source (tests, ts tooling) they are the `.ts` files themselves.
 */
const MIGRATIONS = __filename.endsWith('.js')
  ? join(__dirname, '..', 'migrations', '*.js')
  : join(__dirname, '..', '..', 'migrations', '*.ts');

/** The one description of the database, shared by the app, the worker, the CLI and the tests. */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [MIGRATIONS],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
