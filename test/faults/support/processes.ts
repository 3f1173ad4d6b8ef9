import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GiveUp, waitUntil } from './servers';

const DIST = join(__dirname, '..', '..', '..', 'dist');

/** Every process a fault suite started, killed when the test process ends (also on failure). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `node dist/main.js` or `node dist/worker.js`, as an operator runs them. */
export class AppProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    running.add(child);
    child.stdout?.on('data', (chunk: Buffer) => this.append(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.append(chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        running.delete(child);
        resolve(code);
      }),
    );
  }

  static start(script: 'main.js' | 'worker.js', name: string, env: NodeJS.ProcessEnv): AppProcess {
    const path = join(DIST, script);
    if (!existsSync(path)) throw new Error('dist/ is missing: run `npm run build` first');
    const child = spawn(process.execPath, [path], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(name, child);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process wrote, for failure messages. */
  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }

  includes(text: string): boolean {
    return this.output.includes(text);
  }

  /** SIGKILL: no shutdown hook runs, locks are not released, connections just drop. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait for the exit (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  private append(chunk: Buffer): void {
    this.output += chunk.toString();
    if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
  }
}

/** Starts an API process on `port` and waits until it answers `GET /api/health` with 200. */
export async function startApiProcess(
  name: string,
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<AppProcess> {
  const api = AppProcess.start('main.js', name, { ...env, PORT: String(port) });
  await waitUntil(
    `${name} is healthy`,
    async () => {
      if (!api.alive) throw new GiveUp(`${name} exited`);
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      return response.status === 200;
    },
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${api.tail()}`);
  });
  return api;
}

/** Starts a worker and waits until it says it is ready. */
export async function startWorkerProcess(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<AppProcess> {
  const worker = AppProcess.start('worker.js', name, { ...env, LOG_LEVEL: 'info' });
  await waitUntil(
    `${name} is ready`,
    () => {
      if (!worker.alive) throw new GiveUp(`${name} exited`);
      return worker.includes('Worker ready');
    },
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${worker.tail()}`);
  });
  return worker;
}
