import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApiApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { migrate, withDataSource } from '../src/database/migrate';
import { compileSession } from '../src/matching/scoring/compile-session';
import { scoreTopMatches } from '../src/matching/scoring/score-kernel';
import {
  syntheticProfiles,
  syntheticSession,
  SYNTHETIC_SESSION_START,
  SYNTHETIC_SLOT_MS,
} from '../src/matching/scoring/synthetic-profiles';
import type { ScoringProfile } from '../src/matching/scoring/scoring-types';
import {
  machine,
  perSecond,
  REDIS_URL,
  scratchEnvironment,
  seconds,
  startWorkerProcess,
  stopProcess,
} from './support';

/**
 * `npm run bench:scoring`: the pure kernel on all pairs of 1,000, 5,000 and 10,000 synthetic
 * companies (top 50 kept per company), then the whole path for 1,000 and 5,000 companies: the
 * organiser's POST /scoring to the API, block jobs on two worker processes, rows in PostgreSQL.
 * Sizes can be given: `npm run bench:scoring -- 1000,5000,10000 1000,5000`.
 */
const K = 50;
const SLOTS = 12;
const kernelSizes = (process.argv[2] ?? '1000,5000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const pathSizes = (process.argv[3] ?? '1000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

function kernel(n: number): void {
  const profiles = syntheticProfiles(n, 7);
  const session = syntheticSession({ slotCount: SLOTS });
  let started = performance.now();
  const compiled = compileSession(profiles, session);
  const compileMs = performance.now() - started;
  const pairs = (n * (n - 1)) / 2;
  let best = Infinity;
  let kept = 0;
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    const top = scoreTopMatches(compiled, { k: K, symmetric: true });
    best = Math.min(best, performance.now() - started);
    kept = top.counts.reduce((sum, count) => sum + count, 0);
  }
  console.log(
    `kernel      ${String(n).padStart(6)} companies  ${String(pairs).padStart(10)} pairs  ` +
      `${seconds(best).padStart(8)}  ${perSecond(pairs, best).padStart(9)} pairs  ` +
      `(compile ${compileMs.toFixed(0)} ms, ${kept} matches kept, best of 3)`,
  );
}

async function insertSession(databaseUrl: string, profiles: ScoringProfile[]): Promise<string> {
  return withDataSource(databaseUrl, async (db) => {
    const ids = (
      await db.query<{ id: string }[]>(
        `INSERT INTO companies (name, country, city, timezone, employees, status, sectors, offers, seeks,
                                partner_types, target_markets, languages, version)
         SELECT name, country, 'Bench City', 'UTC', '10-49', 'verified',
                string_to_array(sectors, '|'), string_to_array(offers, '|'), string_to_array(seeks, '|'),
                string_to_array(partner_types, '|'), string_to_array(target_markets, '|'), string_to_array(languages, '|'), 1
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             AS t(name, country, sectors, offers, seeks, partner_types, target_markets, languages)
         RETURNING id`,
        [
          profiles.map((profile, index) => `${profile.name} #${index}`),
          profiles.map((profile) => profile.country),
          ...(
            ['sectors', 'offers', 'seeks', 'partnerTypes', 'targetMarkets', 'languages'] as const
          ).map((field) => profiles.map((profile) => profile[field].join('|'))),
        ],
      )
    ).map((row) => row.id);
    const [{ id: sessionId }] = await db.query<{ id: string }[]>(
      `INSERT INTO sessions (title, mode, timezone, starts_at, ends_at, slot_minutes, max_meetings_per_company,
                             cross_border_only, request_deadline, weights, status)
       VALUES ('Benchmark session', 'video', 'UTC', $1, $2, 20, 8, true, $1, $3, 'open') RETURNING id`,
      [
        new Date(SYNTHETIC_SESSION_START),
        new Date(SYNTHETIC_SESSION_START + SLOTS * SYNTHETIC_SLOT_MS),
        JSON.stringify(syntheticSession().weights),
      ],
    );
    await db.query(
      `INSERT INTO session_participants (session_id, company_id, availability)
       SELECT $1, * FROM unnest($2::uuid[], $3::jsonb[])`,
      [
        sessionId,
        ids,
        profiles.map((profile) =>
          JSON.stringify(
            profile.availability.map((window) => ({
              from: new Date(window.from).toISOString(),
              to: new Date(window.to).toISOString(),
            })),
          ),
        ),
      ],
    );
    return sessionId;
  });
}

async function wholePath(n: number): Promise<void> {
  const scratch = await scratchEnvironment(`scoring${n}`);
  const env = {
    DATABASE_URL: scratch.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: scratch.redisPrefix,
    JWT_SECRET: 'benchmark-secret-benchmark-secret-0123456789',
    ADMIN_EMAIL: 'bench@trade-match.example',
    ADMIN_PASSWORD: 'benchmark-password',
    LOG_LEVEL: 'warn',
  };
  const workers = [];
  try {
    await migrate(scratch.databaseUrl);
    const sessionId = await insertSession(scratch.databaseUrl, syntheticProfiles(n, 11));
    workers.push(await startWorkerProcess(env), await startWorkerProcess(env));
    const app = await createApiApp(loadConfig({ ...process.env, ...env }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
    try {
      const login = (await (
        await fetch(`${base}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
        })
      ).json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${login.accessToken}` };

      const started = performance.now();
      const queued = (await (
        await fetch(`${base}/sessions/${sessionId}/scoring`, { method: 'POST', headers })
      ).json()) as {
        jobId: string;
      };
      for (;;) {
        const job = (await (await fetch(`${base}/jobs/${queued.jobId}`, { headers })).json()) as {
          state: string;
        };
        if (job.state === 'completed') break;
        if (job.state === 'failed') throw new Error(`scoring failed: ${JSON.stringify(job)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const elapsed = performance.now() - started;
      const rows = await withDataSource(scratch.databaseUrl, async (db) => {
        const [{ count }] = await db.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM match_scores m JOIN sessions s ON s.id = m.session_id
            WHERE m.session_id = $1 AND m.generation = s.score_generation`,
          [sessionId],
        );
        return count;
      });
      const pairs = n * (n - 1);
      console.log(
        `whole path  ${String(n).padStart(6)} companies  ${String(pairs).padStart(10)} ordered pairs  ` +
          `${seconds(elapsed).padStart(8)}  ${perSecond(pairs, elapsed).padStart(9)} pairs  ` +
          `(${rows} rows stored, 2 worker processes, API call to last row)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    for (const worker of workers) await stopProcess(worker);
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:scoring on ${machine()}; top ${K} kept per company, video session of ${SLOTS} slots`,
  );
  for (const n of kernelSizes) kernel(n);
  for (const n of pathSizes) await wholePath(n);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
