import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** Where benchmarks find PostgreSQL (as a superuser, to make their own database) and Redis. */
export const PG_ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The value after `--name` on the command line, if given. */
export function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

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

/** The token secret every benchmark's API process signs with (a scratch database's users only). */
export const BENCH_JWT_SECRET = 'benchmark-secret-benchmark-secret-0123456789';

/**
 * The environment of an API process on a scratch database and Redis prefix, in production mode,
 * with the first admin given and the per-address limit out of the way (a benchmark's load all
 * comes from one address: it measures the work, not the limiter).
 */
export function benchApiEnvironment(
  scratch: { databaseUrl: string; redisPrefix: string },
  admin: { email: string; password: string },
): Record<string, string> {
  return {
    DATABASE_URL: scratch.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: scratch.redisPrefix,
    JWT_SECRET: BENCH_JWT_SECRET,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    NODE_ENV: 'production',
  };
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function exitStatus(child: ChildProcess): string | null {
  if (child.exitCode !== null) return `exit code ${child.exitCode}`;
  return child.signalCode === null ? null : `signal ${child.signalCode}`;
}

/** The last lines a child wrote, for the error when it fails. */
export function keepOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

/** What survives until the end: children to stop and the scratch database to drop. */
export const cleanups: (() => Promise<void>)[] = [];
export async function cleanUp(): Promise<void> {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
    await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

/**
 * `node dist/main.js` on a free port (`command` may wrap the node arguments, e.g. in taskset);
 * resolves once GET /api/health answers 200. Benchmarks do not build it: `npm run build` first.
 */
export async function startApiProcess(
  env: NodeJS.ProcessEnv,
  command: (args: string[]) => [string, string[]] = (args) => [process.execPath, args],
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const main = join(__dirname, '..', '..', 'dist', 'main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: run \`npm run build\` first (benchmarks do not build it)`);
  }
  const port = await freePort();
  const [executable, args] = command([main]);
  const child = spawn(executable, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(child));
  const output = keepOutput(child);
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with ${child.exitCode}:\n${output()}`);
    }
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, port, output };
    if (performance.now() > deadline) {
      throw new Error(`the API did not answer /api/health with 200 in 60 s:\n${output()}`);
    }
    await sleep(100);
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
