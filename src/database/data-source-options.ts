import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * Migrations live in the top-level `migrations/` folder. Compiled by `npm run build` they sit in
 * `dist/migrations` beside `dist/database`; run from source (tests) or compiled with the sources
 * beside them (the benchmarks' build) they are one folder further up.
 */
const MIGRATIONS_DIR = [
  join(__dirname, '..', 'migrations'),
  join(__dirname, '..', '..', 'migrations'),
].find((dir) => existsSync(dir));
const MIGRATIONS = join(
  MIGRATIONS_DIR ?? 'migrations',
  __filename.endsWith('.js') ? '*.js' : '*.ts',
);

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
