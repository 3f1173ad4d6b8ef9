import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled entry points as an operator runs them (`npm test` builds first): configuration is
 * checked at start, and both processes stop cleanly on SIGTERM.
 */
const DIST = join(__dirname, '..', 'dist');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [join(DIST, script)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A Redis prefix of their own, so that these processes take none of the other suites' jobs.
const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  ...pick(process.env),
  REDIS_PREFIX: `${process.env.REDIS_PREFIX}-proc`,
});
function pick(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const keys = [
    'DATABASE_URL',
    'REDIS_URL',
    'REDIS_PREFIX',
    'JWT_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
  ];
  return Object.fromEntries(keys.map((key) => [key, env[key]]));
}

describe('the two processes', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  });

  it('refuse to start with one clear line per missing or wrong variable', async () => {
    const { exited, output } = run('main.js', {
      PATH: process.env.PATH,
      PORT: 'eighty',
      REDIS_URL: 'http://localhost',
      ICE_SERVERS: '[{"url": 1}]',
    });
    expect(await exited).toBe(1);
    const lines = output();
    expect(lines).toContain('DATABASE_URL is missing');
    expect(lines).toContain('JWT_SECRET is missing');
    expect(lines).toContain('PORT must be a whole number');
    expect(lines).toContain('REDIS_URL must be a redis:// URL');
    expect(lines).toContain('ICE_SERVERS must be a JSON list');
    expect(lines).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuse the examples' placeholder secrets and weak ones, without printing them", async () => {
    const placeholders = {
      // What docker-compose.yml and .env.example used to default to.
      JWT_SECRET: 'change-me-to-a-long-random-string-of-32-or-more-characters',
      ADMIN_PASSWORD: 'change-me-please',
    };
    const weak = { JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'tradematch-demo' };
    for (const [secrets, expected] of [
      [placeholders, ['JWT_SECRET is a placeholder', 'ADMIN_PASSWORD is a placeholder']],
      [weak, ['JWT_SECRET is too predictable', "ADMIN_PASSWORD is the demo accounts' published"]],
    ] as const) {
      const port = String(40000 + Math.floor(Math.random() * 20000));
      const { child, exited, output } = run('main.js', { ...baseEnv(), PORT: port, ...secrets });
      // An API that accepts them would serve: stop it rather than wait for ever.
      const served = setTimeout(() => child.kill('SIGTERM'), 10_000);
      const code = await exited;
      clearTimeout(served);
      expect(code).toBe(1);
      const lines = output();
      for (const line of expected) expect(lines).toContain(line);
      expect(lines).not.toContain(secrets.JWT_SECRET);
      expect(lines).not.toContain(secrets.ADMIN_PASSWORD);
      expect(lines).not.toMatch(/\n\s+at /);
    }
  });

  it('the API serves and stops cleanly (exit 0) on SIGTERM', async () => {
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const api = run('main.js', { ...baseEnv(), PORT: port, LOG_LEVEL: 'info' });
    await waitFor(async () =>
      fetch(`http://127.0.0.1:${port}/api/health`)
        .then((response) => response.ok)
        .catch(() => false),
    );
    api.child.kill('SIGTERM');
    const code = await api.exited;
    expect({ code, output: code === 0 ? '' : api.output().slice(-3000) }).toEqual({
      code: 0,
      output: '',
    });
  }, 30_000);

  it('the worker processes jobs, serves no HTTP, and stops cleanly (exit 0) on SIGTERM', async () => {
    const worker = run('worker.js', { ...baseEnv(), LOG_LEVEL: 'info' });
    await waitFor(() => worker.output().includes('Worker ready'));
    expect(worker.output()).not.toMatch(/listening|Mapped \{/i);
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    expect({ code, output: code === 0 ? '' : worker.output().slice(-3000) }).toEqual({
      code: 0,
      output: '',
    });
  }, 30_000);
});
