import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** Where benchmarks find PostgreSQL (as a superuser, to make their own database) and Redis. */
export const PG_ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database and a Redis key prefix of the benchmark's own, removed by `drop()`. */
export async function scratchEnvironment(label: string): Promise<{
  databaseUrl: string;
  redisPrefix: string;
  drop: () => Promise<void>;
}> {
  const id = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = `tm_bench_${label}_${id}`;
  await admin(`CREATE DATABASE "${database}"`);
  const redisPrefix = `tmb-${id}`;
  return {
    databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`),
    redisPrefix,
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      const redis = new Redis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

/** Starts a compiled worker process and resolves once it is ready. */
export function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'worker.js')], {
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker ready')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code}: ${output.slice(-500)}`)),
    );
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const perSecond = (count: number, ms: number): string =>
  `${(((count / ms) * 1000) / 1e6).toFixed(1)} M/s`;
