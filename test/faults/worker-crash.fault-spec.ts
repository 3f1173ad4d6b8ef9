import { createFaultEnv, type FaultEnv } from './support/fault-env';
import {
  adminToken,
  call,
  expectStatus,
  insertParticipants,
  job,
  jobCompleted,
  videoSession,
} from './support/http';
import { startApiProcess, startWorkerProcess, type AppProcess } from './support/processes';
import { freePort, waitUntil } from './support/servers';

jest.setTimeout(180_000);

/**
 * A worker dies (SIGKILL: no shutdown hook, no lock released) in the middle of a full rescore and
 * in the middle of publishing a schedule. Another worker takes the job over once its lock has
 * expired (BullMQ's stalled-job check), and the result is complete, once, with nothing half done.
 */
describe('a worker killed in the middle of a job', () => {
  let env: FaultEnv;
  let base: string;
  let token: string;
  let worker: AppProcess;

  beforeAll(async () => {
    // Each score block and each scheduling step pauses 1.5 s, so the kill lands inside a job.
    env = await createFaultEnv({ JOB_STEP_DELAY_MS: '1500' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    [, worker] = await Promise.all([
      startApiProcess('api', env.env, port).then((child) => env.track(child)),
      startWorkerProcess('worker-1', env.env).then((child) => env.track(child)),
    ]);
    token = await adminToken(base);
  });

  afterAll(() => env?.teardown());

  it('a full rescore is finished by another worker: every company has its full list, once', async () => {
    const sessionId = await videoSession(base, token);
    // 2,500 firms: three block jobs of 1,000 companies under the finalising parent.
    const companies = await insertParticipants(env, sessionId, 2500, 'Rescore Firm');

    const { jobId } = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${sessionId}/scoring`, { token }),
    );
    // Kill once a block is done and before the last one is: progress strictly between 0 and 100.
    let before = await job(base, token, jobId);
    await waitUntil(
      'the rescore is part done',
      async () => {
        before = await job(base, token, jobId);
        return before.progress > 0 && before.progress < 100;
      },
      60_000,
    );
    await worker.kill();

    const [generation] = await env.query<{ current: number; started: number }>(
      'SELECT score_generation AS current, generation_counter AS started FROM sessions WHERE id = $1',
      [sessionId],
    );
    const [partial] = await env.query<{ rows: number }>(
      'SELECT count(*)::int AS rows FROM match_scores WHERE session_id = $1 AND generation = $2',
      [sessionId, generation.started],
    );
    // Mid-job for real: some of the new generation is written, none of it is visible yet.
    expect(generation.current).toBe(0);
    expect(partial.rows).toBeGreaterThan(0);
    expect(partial.rows).toBeLessThan(companies.length * 50);
    expect((await job(base, token, jobId)).state).not.toBe('completed');

    worker = env.track(await startWorkerProcess('worker-2', env.env));
    const done = await jobCompleted(base, token, jobId, 90_000);
    expect(done.progress).toBe(100);

    const [after] = await env.query<{ current: number }>(
      'SELECT score_generation AS current FROM sessions WHERE id = $1',
      [sessionId],
    );
    expect(after.current).toBe(generation.started);
    const lists = await env.query<{
      generation: number;
      companies: number;
      rows: number;
      distinct_pairs: number;
      shortest: number;
      longest: number;
      same_side: number;
    }>(
      `SELECT m.generation, count(DISTINCT m.company_id)::int AS companies, count(*)::int AS rows,
              count(DISTINCT (m.company_id, m.other_id))::int AS distinct_pairs,
              min(n.per)::int AS shortest, max(n.per)::int AS longest,
              count(*) FILTER (WHERE a.country = b.country)::int AS same_side
         FROM match_scores m
         JOIN companies a ON a.id = m.company_id JOIN companies b ON b.id = m.other_id
         JOIN (SELECT company_id, count(*) AS per FROM match_scores WHERE session_id = $1 GROUP BY company_id) n
           ON n.company_id = m.company_id
        WHERE m.session_id = $1 GROUP BY m.generation`,
      [sessionId],
    );
    // One generation only (the half-written one became current, nothing else is left), every
    // company with its top 50 of the other side, no pair twice.
    expect(lists).toEqual([
      {
        generation: generation.started,
        companies: companies.length,
        rows: companies.length * 50,
        distinct_pairs: companies.length * 50,
        shortest: 50,
        longest: 50,
        same_side: 0,
      },
    ]);

    // What firms read: a full ranked list, best first.
    const { items: matches } = await expectStatus<{ items: { score: number }[] }>(
      200,
      call(
        base,
        'GET',
        `/api/sessions/${sessionId}/matches?companyId=${companies[0]}&pageSize=50`,
        { token },
      ),
    );
    expect(matches).toHaveLength(50);
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('a schedule being published is never half there: the old one stays whole until the new one is complete', async () => {
    if (!worker.alive) worker = env.track(await startWorkerProcess('worker-3', env.env));
    const sessionId = await videoSession(base, token, { maxMeetingsPerCompany: 4 });
    const companies = await insertParticipants(env, sessionId, 40, 'Schedule Firm');
    const countries = await env.query<{ id: string; country: string }>(
      'SELECT id, country FROM companies WHERE id = ANY($1::uuid[]) ORDER BY id',
      [companies],
    );
    const hk = countries.filter((row) => row.country === 'HK').map((row) => row.id);
    const ca = countries.filter((row) => row.country === 'CA').map((row) => row.id);
    const accept = (pairs: [string, string][]) =>
      env.query(
        `INSERT INTO meeting_requests (session_id, from_company_id, to_company_id, status, answered_at)
         SELECT $1, f, t, 'accepted', now() FROM unnest($2::uuid[], $3::uuid[]) AS p(f, t)`,
        [sessionId, pairs.map(([from]) => from), pairs.map(([, to]) => to)],
      );
    // Each Hong Kong firm asked three Canadian firms, and they accepted.
    const firstRequests: [string, string][] = hk.flatMap((from, i) =>
      [0, 1, 2].map((k): [string, string] => [from, ca[(i + k) % ca.length]]),
    );
    await accept(firstRequests);

    const first = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${sessionId}/schedule`, { token }),
    );
    await jobCompleted(base, token, first.jobId);
    const published = await meetingsOf(env, sessionId);
    expect(published).toHaveLength(firstRequests.length);

    // A fourth accepted request each: a new run, killed while it publishes (progress 85: old
    // meetings deleted and new ones written, in a transaction not yet committed).
    const secondRequests: [string, string][] = hk.map((from, i) => [from, ca[(i + 3) % ca.length]]);
    await accept(secondRequests);
    const second = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${sessionId}/schedule`, { token }),
    );
    expect(second.jobId).not.toBe(first.jobId);
    await waitUntil(
      'the second run is publishing',
      async () => (await job(base, token, second.jobId)).progress >= 85,
      60_000,
    );
    await worker.kill();

    // The first schedule, whole: same meetings, same attendance, nothing of the second run.
    expect(await meetingsOf(env, sessionId)).toEqual(published);
    expect(await attendanceOf(env, sessionId)).toBe(published.length * 2);

    worker = env.track(await startWorkerProcess('worker-4', env.env));
    const done = await jobCompleted(base, token, second.jobId, 90_000);
    expect(done.progress).toBe(100);

    const meetings = await meetingsOf(env, sessionId);
    const expectedPairs = [...firstRequests, ...secondRequests].map(pairKey).sort();
    expect(
      meetings.map((meeting) => pairKey([meeting.company_a, meeting.company_b])).sort(),
    ).toEqual(expectedPairs);
    expect(await attendanceOf(env, sessionId)).toBe(expectedPairs.length * 2);
    const [doubles] = await env.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT slot_index, c FROM meetings, unnest(ARRAY[company_a, company_b]) AS c
          WHERE session_id = $1 AND status = 'scheduled' GROUP BY slot_index, c HAVING count(*) > 1) d`,
      [sessionId],
    );
    expect(doubles.n).toBe(0);
    const schedule = await expectStatus<{
      meetings: unknown[];
      report: { requested: Record<string, number>; placedShare: number };
    }>(200, call(base, 'GET', `/api/sessions/${sessionId}/schedule`, { token }));
    expect(schedule.meetings).toHaveLength(expectedPairs.length);
    expect(schedule.report.placedShare).toBe(1);
    expect(schedule.report.requested.accepted).toBe(expectedPairs.length);
  });
});

interface MeetingRow {
  id: string;
  slot_index: number;
  company_a: string;
  company_b: string;
}

function pairKey([a, b]: [string, string]): string {
  return [a, b].sort().join('|');
}

function meetingsOf(env: FaultEnv, sessionId: string): Promise<MeetingRow[]> {
  return env.query<MeetingRow>(
    `SELECT id, slot_index, company_a, company_b FROM meetings
      WHERE session_id = $1 AND status = 'scheduled' ORDER BY id`,
    [sessionId],
  );
}

async function attendanceOf(env: FaultEnv, sessionId: string): Promise<number> {
  const [row] = await env.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM meeting_attendance WHERE session_id = $1',
    [sessionId],
  );
  return row.n;
}
