import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../../src/database/migrate';
import type { AppProcess } from './processes';
import { PostgresCluster, RedisServer } from './servers';

export const ADMIN = { email: 'admin@fault.example', password: 'admin-password-for-faults' };

/**
 * What one fault suite runs on: its own PostgreSQL cluster and redis-server (which it may kill),
 * a migrated database, and the environment its API and worker processes get.
 */
export interface FaultEnv {
  pg: PostgresCluster;
  redis: RedisServer;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** A pg client on the suite's database, reconnected on demand after a restart. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Kills every process the suite started, then the servers, and removes their files. */
  teardown(): Promise<void>;
  track(process: AppProcess): AppProcess;
}

export async function createFaultEnv(overrides: NodeJS.ProcessEnv = {}): Promise<FaultEnv> {
  const pg = await PostgresCluster.create();
  let redis: RedisServer | null = null;
  const processes: AppProcess[] = [];
  let client: Client | null = null;
  try {
    redis = await RedisServer.create();
    const databaseUrl = await pg.createDatabase('trade_match_faults');
    await migrate(databaseUrl);
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'tm-fault',
      JWT_SECRET: `fault-secret-${randomBytes(16).toString('hex')}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // A dead worker's job is taken over within seconds rather than a minute.
      JOB_LOCK_MS: '4000',
      ...overrides,
    };
    const servers = { pg, redis };
    return {
      ...servers,
      databaseUrl,
      env,
      track: (process) => {
        processes.push(process);
        return process;
      },
      async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
        if (!client) {
          const fresh = new Client({ connectionString: databaseUrl });
          fresh.on('error', () => {
            if (client === fresh) client = null;
          });
          await fresh.connect();
          client = fresh;
        }
        try {
          return (await client.query(sql, params)).rows as T[];
        } catch (error) {
          const broken = client;
          client = null;
          await broken.end().catch(() => undefined);
          throw error;
        }
      },
      async teardown() {
        // FAULT_LOG_DIR=/some/dir keeps each process's output there, to see what went wrong.
        const logDir = process.env.FAULT_LOG_DIR;
        if (logDir) {
          for (const child of processes)
            writeFileSync(join(logDir, `${child.name}.log`), child.tail(200_000));
        }
        await Promise.all(processes.map((process) => process.kill()));
        await client?.end().catch(() => undefined);
        servers.redis.destroy();
        servers.pg.destroy();
      },
    };
  } catch (error) {
    redis?.destroy();
    pg.destroy();
    throw error;
  }
}
