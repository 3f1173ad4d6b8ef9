import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pretty from 'pino-pretty';
import { loadConfig } from '../config/app-config';
import { migrate, withDataSource } from '../database/migrate';
import { DEMO_ADMIN_EMAIL } from '../database/seed/demo-credentials';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../database/seed/seed';
import { startLocalPostgres, type LocalDatabase } from './local-postgres';
import { startLocalRedis, type LocalRedis } from './local-redis';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

/**
 * `npm start`: the whole product on one machine with no setup. It finds or starts PostgreSQL and
 * Redis, migrates, loads the demo, and runs the API and the worker as two child processes, exactly
 * as an operator would run `node dist/main.js` and `node dist/worker.js`. Being the one tool that
 * builds the children's environment, it is the one place besides the config module that reads
 * `process.env`.
 */

const PROJECT_DIR = resolve(__dirname, '..', '..');
const DATA_DIR = join(PROJECT_DIR, '.data');
const DEMO_ADMIN = { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD };

const say = (line: string): void => {
  process.stdout.write(`[start] ${line}\n`);
};

/** A signing key kept in .data/ so that sign-ins survive a restart. */
async function localJwtSecret(): Promise<string> {
  const file = join(DATA_DIR, 'jwt-secret');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function runChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(PROJECT_DIR, 'dist', script)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.pipe(
    pretty({
      colorize: process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime',
      messageFormat: (log, messageKey) => {
        const request = log.req as { method?: string; url?: string } | undefined;
        const response = log.res as { statusCode?: number } | undefined;
        const http = request
          ? ` ${request.method} ${request.url} ${response?.statusCode ?? ''}`
          : '';
        return `${name} ${typeof log.context === 'string' ? `[${log.context}] ` : ''}${String(log[messageKey])}${http}`;
      },
    }),
  );
  return child;
}

/** True when nothing listens on `port` yet. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '0.0.0.0');
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null)
      throw new Error('The API exited during start-up; see its log above.');
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API did not answer ${url} within 30 s`);
}

/** What to stop on the way out, last started first. */
const stops: (() => Promise<void>)[] = [];

async function main(): Promise<void> {
  const env = process.env;
  const port = env.PORT ?? '3000';
  if (!(await portIsFree(Number(port)))) {
    throw new Error(
      `Port ${port} is taken (is TradeMatch already running?); stop that, or choose another with PORT=3001 npm start.`,
    );
  }

  let database: LocalDatabase | null = null;
  if (!env.DATABASE_URL) {
    database = await startLocalPostgres(PROJECT_DIR, say);
    stops.push(() => database!.stop());
  }
  let redis: LocalRedis | null = null;
  if (!env.REDIS_URL) {
    redis = await startLocalRedis(say);
    stops.push(() => redis!.stop());
  }
  let mailbox: MailCatcher | null = null;
  if (!env.SMTP_URL) {
    mailbox = await startMailCatcher();
    stops.push(() => mailbox!.stop());
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? database!.url,
    REDIS_URL: env.REDIS_URL ?? redis!.url,
    PORT: port,
    SMTP_URL: env.SMTP_URL ?? mailbox!.smtpUrl,
    APP_URL: env.APP_URL ?? `http://localhost:${port}`,
    JWT_SECRET: env.JWT_SECRET ?? (await localJwtSecret()),
    // The demo's published password is for the demo admin only (the configuration check refuses
    // it for any other): an admin email of one's own needs a password of one's own.
    ADMIN_EMAIL: env.ADMIN_EMAIL ?? DEMO_ADMIN.email,
    ADMIN_PASSWORD: env.ADMIN_PASSWORD ?? (env.ADMIN_EMAIL ? undefined : DEMO_ADMIN.password),
    // A calm terminal: warnings and errors only (no line per request, no start-up chatter after
    // the banner) unless LOG_LEVEL asks for more.
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  };
  say(
    `Database: ${database?.description ?? 'DATABASE_URL'}. Redis: ${redis?.description ?? 'REDIS_URL'}. ` +
      `Mail: ${mailbox ? `a local mail catcher (${mailbox.smtpUrl})` : 'SMTP_URL'}.`,
  );

  const applied = await migrate(childEnv.DATABASE_URL!);
  say(
    applied.length > 0
      ? `Applied migrations: ${applied.join(', ')}`
      : 'Database schema is up to date.',
  );
  // The demo's notifications and emails link to the app the children serve, signed as they sign.
  const links = loadConfig(childEnv);
  const seeded = await withDataSource(childEnv.DATABASE_URL!, (db) => seedDemo(db, links));
  say(
    `Demo data: ${seeded.users} new accounts, ${seeded.companies} new companies, ` +
      `${seeded.delegations} new delegations, ${seeded.sessions} new sessions, ` +
      `${seeded.opportunities} new posts on the opportunities board, ` +
      `${seeded.programme.partners} new partner economies, ${seeded.programme.seminars} new seminars, ` +
      `${seeded.programme.pastSessions} past sessions with follow-ups.`,
  );

  const children = [
    runChild('api   ', 'main.js', childEnv),
    runChild('worker', 'worker.js', childEnv),
  ];
  let stopping = false;
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('Stopping...');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        say(`A process exited (code ${code}); stopping the rest.`);
        void shutdown(code ?? 1);
      }
    });
  }

  const base = `http://localhost:${port}`;
  await waitForHealth(`${base}/api/health`, children[0]);
  const logins = DEMO_LOGINS.map(
    (login) => `    ${login.email.padEnd(34)} ${login.role.padEnd(10)} ${login.who}`,
  ).join('\n');
  process.stdout.write(
    `\n  TradeMatch is running.\n\n` +
      `  Open ${base}/ in a browser and sign in with one of the demo logins below.\n` +
      (mailbox
        ? `  Open ${mailbox.webUrl} to read every email TradeMatch sends (the demo's are there).\n`
        : '') +
      `\n  Web app       ${base}/\n` +
      (mailbox
        ? `  Mailbox       ${mailbox.webUrl}  (a local mail catcher: SMTP_URL is unset)\n`
        : '') +
      `  API docs      ${base}/api/docs\n\n` +
      `  Demo logins (password "${DEMO_PASSWORD}"):\n${logins}\n\n` +
      (env.ADMIN_EMAIL ? `  Your admin    ${env.ADMIN_EMAIL} (password: ADMIN_PASSWORD)\n\n` : '') +
      `  Logs: warnings and errors only; LOG_LEVEL=info npm start shows each request.\n` +
      `  Press Ctrl+C to stop.\n\n`,
  );
}

main().catch(async (error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(1);
});
