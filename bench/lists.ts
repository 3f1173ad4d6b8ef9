import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Result } from 'autocannon';
import { Client } from 'pg';
import { encodeCursor } from '../src/common/keyset';
import { migrate } from '../src/database/migrate';
import { fillLists, type ListVolume } from './list-volume';
import {
  BENCH_JWT_SECRET,
  benchApiEnvironment,
  cleanUp,
  cleanups,
  freePort,
  keepOutput,
  machine,
  option,
  scratchEnvironment,
  startApiProcess,
  stop,
} from './support';

/**
 * `npm run bench:lists`: the lists of a large trade fair. A scratch database gets 100,000
 * companies (`--companies`), a 5,000-firm session with 50 ranked matches a firm and a reader with
 * 50,000 notifications (`bench/list-volume.ts`); then the real API (`node dist/main.js`, built by
 * `npm run build` first) and, as the anchor, a bare Fastify + `pg` server running the same SQL
 * (`bench/lists-bare.ts`) answer the same pages, one after the other, driven by autocannon from
 * this process for `--duration` seconds (5) each, with one client and with `--connections` (8).
 *
 * Pages: the directory's first page, a deep page (80,000 firms in) by cursor and, for contrast,
 * by offset; a firm's matches, first page and the next by cursor; the notification centre deep by
 * cursor and by offset (product only). Targets (issue 19): the product within 1.5 times the bare
 * server, and p99 under 50 ms for one client at 100,000 companies.
 */
const DURATION_S = Number(option('duration') ?? 5);
const CONNECTIONS = Number(option('connections') ?? 8);
const VOLUME: ListVolume = {
  companies: Number(option('companies') ?? 100_000),
  sessionFirms: 5_000,
  matchesPerFirm: 50,
  notifications: 50_000,
  conversations: 1_000,
};
const JWT_SECRET = BENCH_JWT_SECRET;
const ADMIN = { email: 'admin@lists-bench.example', password: 'lists-benchmark-admin-password' };
/** How far in the deep pages start: 80,000 of 100,000 (a multiple of the page size). */
const DEEP = Math.floor((VOLUME.companies * 0.8) / 20) * 20;

function cannon(options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error: unknown, result) =>
      error
        ? reject(error instanceof Error ? error : new Error('autocannon failed'))
        : resolve(result),
    );
  });
}

async function call<T>(url: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function startBare(databaseUrl: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'lists-bare.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(child));
  const output = keepOutput(child);
  for (let waited = 0; ; waited += 100) {
    if (output().includes('bare ready')) return port;
    if (child.exitCode !== null || waited > 30_000) {
      throw new Error(`the bare server did not start:\n${output()}`);
    }
    await sleep(100);
  }
}

interface Figures {
  mean: number;
  p50: number;
  p99: number;
  rps: number;
  bad: number;
}

async function measure(url: string, token: string, connections: number): Promise<Figures> {
  const result = await cannon({
    url,
    connections,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    mean: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    bad: result.non2xx + result.errors,
  };
}

const ms = (value: number): string => `${value.toFixed(1).padStart(6)} ms`;

function row(label: string, product: Figures, bare?: Figures): string {
  // autocannon's percentiles are whole milliseconds: the ratio is of the means.
  const ratio = bare ? (product.mean / bare.mean).toFixed(2) : '   -';
  const bad = product.bad + (bare?.bad ?? 0);
  return (
    `${label.padEnd(44)} product mean ${ms(product.mean)} p50 ${ms(product.p50)} p99 ${ms(product.p99)} ${product.rps.toFixed(0).padStart(5)}/s` +
    (bare
      ? ` | bare mean ${ms(bare.mean)} p50 ${ms(bare.p50)} p99 ${ms(bare.p99)} ${bare.rps.toFixed(0).padStart(5)}/s | ratio of means ${ratio}`
      : '') +
    (bad > 0 ? `  (${bad} failed)` : '')
  );
}

async function run(): Promise<void> {
  console.log(
    `bench:lists on ${machine()}; API, bare anchor, PostgreSQL and this load on one machine; ` +
      `${VOLUME.companies} companies, a ${VOLUME.sessionFirms}-firm session, ` +
      `${VOLUME.notifications} notifications; ${DURATION_S} s a measurement`,
  );
  const scratch = await scratchEnvironment('lists');
  cleanups.push(() => scratch.drop());
  await migrate(scratch.databaseUrl);
  const env = benchApiEnvironment(scratch, ADMIN);
  const { port } = await startApiProcess(env);
  const product = `http://127.0.0.1:${port}`;
  const { accessToken: token } = await call<{ accessToken: string }>(
    `${product}/api/auth/register`,
    undefined,
    { email: 'reader@lists-bench.example', password: 'lists-benchmark-password', name: 'Reader' },
  );
  const me = await call<{ user: { id: string } }>(`${product}/api/auth/me`, token);
  const db = new Client({ connectionString: scratch.databaseUrl });
  await db.connect();
  const filling = performance.now();
  const filled = await fillLists(db, VOLUME, { userId: me.user.id });
  console.log(`filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
  const [deep] = (
    await db.query<{ name: string; id: string }>(
      `SELECT name, id FROM companies WHERE status = 'verified' ORDER BY name, id OFFSET $1 LIMIT 1`,
      [DEEP],
    )
  ).rows;
  const [deepNotice] = (
    await db.query<{ at: string; id: string }>(
      `SELECT created_at::text AS at, id FROM notifications WHERE user_id = $1
        ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [filled.readerId, Math.floor(VOLUME.notifications * 0.8)],
    )
  ).rows;
  await db.end();
  const bare = `http://127.0.0.1:${await startBare(scratch.databaseUrl)}`;

  const matches = `/api/sessions/${filled.sessionId}/matches?companyId=${filled.viewerCompanyId}&pageSize=20`;
  const firstMatches = await call<{ total: number; nextCursor: string }>(
    `${product}${matches}`,
    token,
  );
  const directory = await call<{ total: number; totalIsEstimate: boolean }>(
    `${product}/api/companies?pageSize=20`,
    token,
  );
  console.log(
    `directory total ${directory.total} (estimate: ${directory.totalIsEstimate}); ` +
      `matches total ${firstMatches.total}`,
  );
  const pages: { label: string; path: string; anchored: boolean }[] = [
    { label: 'directory, first page', path: '/api/companies?pageSize=20', anchored: true },
    {
      label: `directory, ${DEEP} in, by cursor`,
      path: `/api/companies?pageSize=20&after=${encodeCursor('directory', [deep.name, deep.id])}`,
      anchored: true,
    },
    {
      label: `directory, ${DEEP} in, by offset (page ${DEEP / 20 + 1})`,
      path: `/api/companies?pageSize=20&page=${DEEP / 20 + 1}`,
      anchored: true,
    },
    { label: 'matches, first page', path: matches, anchored: true },
    {
      label: 'matches, next page by cursor',
      path: `${matches}&after=${firstMatches.nextCursor}`,
      anchored: true,
    },
    {
      label: 'notifications, 80% in, by cursor',
      path: `/api/notifications?pageSize=20&after=${encodeCursor('notifications', [deepNotice.at, deepNotice.id])}`,
      anchored: false,
    },
    {
      label: 'notifications, 80% in, by offset',
      path: `/api/notifications?pageSize=20&page=${(VOLUME.notifications * 0.8) / 20 + 1}`,
      anchored: false,
    },
  ];
  for (const connections of [1, CONNECTIONS]) {
    console.log(`\n${connections} ${connections === 1 ? 'client' : 'clients at once'}:`);
    for (const page of pages) {
      const ours = await measure(`${product}${page.path}`, token, connections);
      const theirs = page.anchored
        ? await measure(`${bare}${page.path}`, token, connections)
        : undefined;
      console.log(row(page.label, ours, theirs));
    }
  }
}

run()
  .then(cleanUp, async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => process.exit());
