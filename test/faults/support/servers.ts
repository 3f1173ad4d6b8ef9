import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/**
 * A PostgreSQL cluster and a redis-server of the fault tests' own, on free ports, which the tests
 * stop, kill and start again; the machine's PostgreSQL and Redis are never touched.
 */

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown by a check that should stop the wait at once (a process died). */
export class GiveUp extends Error {}

/**
 * Polls `check` every 100 ms until it is true, or fails with `what` after `timeoutMs`. A check
 * that throws counts as false (a server not up yet), unless it throws GiveUp.
 */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const attempt = async () => {
    try {
      return await check();
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      return false;
    }
  };
  while (!(await attempt())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await pause(100);
  }
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const override = process.env.TEST_PG_BIN;
  if (override) return override;
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => join(root, version, 'bin')).find((dir) => existsSync(dir));
  if (!bin) throw new Error('PostgreSQL binaries not found: install postgresql or set TEST_PG_BIN');
  return bin;
}

/** PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;
function pgCommand(tool: string, args: string[]): [string, string[]] {
  const path = join(postgresBin(), tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

/** A throw-away PostgreSQL cluster (initdb into a temporary folder, trust auth, one port). */
export class PostgresCluster {
  readonly port: number;
  private readonly dir: string;
  private readonly dataDir: string;

  private constructor(port: number) {
    this.port = port;
    this.dir = mkdtempSync(join(tmpdir(), 'tm-fault-pg-'));
    this.dataDir = join(this.dir, 'data');
  }

  static async create(): Promise<PostgresCluster> {
    const cluster = new PostgresCluster(await freePort());
    if (asRoot) {
      // The postgres user must own the folder; look its ids up rather than guess them.
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(cluster.dir, uid, gid);
    }
    const [cmd, args] = pgCommand('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    execFileSync(cmd, args, { stdio: 'ignore' });
    await cluster.start();
    return cluster;
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const [cmd, args] = pgCommand('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      'start',
    ]);
    execFileSync(cmd, args, { stdio: 'ignore' });
    await waitUntil('PostgreSQL accepts connections', async () => {
      const client = new Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 1000 });
      await client.connect();
      await client.end();
      return true;
    });
  }

  /** Stops the server (fast shutdown: open connections are cut, as in a restart or failover). */
  stop(): void {
    const [cmd, args] = pgCommand('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
    execFileSync(cmd, args, { stdio: 'ignore' });
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    return this.urlOf(name);
  }

  /** Stops the server if it runs and removes its folder. */
  destroy(): void {
    try {
      const [cmd, args] = pgCommand('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
      execFileSync(cmd, args, { stdio: 'ignore' });
    } catch {
      // Not running.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A redis-server that keeps nothing on disk, on its own port; killed and started again at will. */
export class RedisServer {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async create(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitUntil('Redis answers PING', async () => {
      const redis = new Redis({ port: this.port, lazyConnect: true, maxRetriesPerRequest: 0 });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        return (await redis.ping()) === 'PONG';
      } finally {
        redis.disconnect();
      }
    });
  }

  /** Kills the server outright (SIGKILL): every key is gone, as after a crash of a Redis without persistence. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  destroy(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}
