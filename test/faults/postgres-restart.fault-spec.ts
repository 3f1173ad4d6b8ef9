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

const UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: expect.any(String) as string,
};

/**
 * PostgreSQL is stopped (fast shutdown: every connection cut) and started again, while the API
 * serves and the worker runs a job. Requests fail cleanly with 503 in the API's error shape, never
 * a 500 or a hang, and both processes carry on by themselves once the database is back.
 */
describe('PostgreSQL stopped and started again', () => {
  let env: FaultEnv;
  let base: string;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    env = await createFaultEnv({ JOB_STEP_DELAY_MS: '1000' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    [api, worker] = await Promise.all([
      startApiProcess('api', env.env, port).then((child) => env.track(child)),
      startWorkerProcess('worker', env.env).then((child) => env.track(child)),
    ]);
  });

  afterAll(() => env?.teardown());

  it('answers 503 while it is down, and recovers without a restart of the API or the worker', async () => {
    const token = await adminToken(base);
    const sessionId = await videoSession(base, token);
    const companies = await insertParticipants(env, sessionId, 20, 'Outage Firm');
    const [from] = await env.query<{ id: string }>(
      `SELECT id FROM companies WHERE id = ANY($1::uuid[]) AND country = 'HK' LIMIT 1`,
      [companies],
    );
    const [to] = await env.query<{ id: string }>(
      `SELECT id FROM companies WHERE id = ANY($1::uuid[]) AND country = 'CA' LIMIT 1`,
      [companies],
    );
    await env.query(
      `INSERT INTO meeting_requests (session_id, from_company_id, to_company_id, status, answered_at)
       VALUES ($1, $2, $3, 'accepted', now())`,
      [sessionId, from.id, to.id],
    );

    // A scheduling run is publishing when the database goes: at progress 85 its transaction is
    // open, meetings written and not committed, and it pauses 1 s (it plans without a
    // transaction, so an outage before that would not cut it).
    const { jobId } = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${sessionId}/schedule`, { token }),
    );
    await waitUntil(
      'the run is publishing',
      async () => (await job(base, token, jobId)).progress >= 85,
    );
    env.pg.stop();

    const health = await call(base, 'GET', '/api/health');
    expect(health).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { database: 'down', redis: 'up' } },
    });
    // Reads, sign-ins and writes: 503 in the error shape, each answered (bounded by call()).
    for (const [method, path, body, auth] of [
      ['GET', `/api/sessions/${sessionId}`, undefined, true],
      ['GET', `/api/sessions/${sessionId}/schedule`, undefined, true],
      ['POST', `/api/sessions/${sessionId}/scoring`, undefined, true],
      [
        'POST',
        '/api/auth/login',
        { email: 'someone@fault.example', password: 'x'.repeat(12) },
        false,
      ],
    ] as const) {
      const reply = await call(base, method, path, { token: auth ? token : undefined, body });
      expect({ path, ...reply }).toEqual({
        path,
        status: 503,
        body: expect.objectContaining(UNAVAILABLE),
      });
    }

    await env.pg.start();
    await waitUntil('the API is healthy again', async () => {
      const reply = await call(base, 'GET', '/api/health');
      return reply.status === 200;
    });
    expect(api.alive).toBe(true);
    expect(worker.alive).toBe(true);

    // The run the outage broke (its transaction cut) is retried by the same worker, which
    // publishes the schedule: a second attempt at least.
    const done = await jobCompleted(base, token, jobId, 90_000);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const schedule = await expectStatus<{ meetings: { companyIds: string[] }[] }>(
      200,
      call(base, 'GET', `/api/sessions/${sessionId}/schedule`, { token }),
    );
    expect(schedule.meetings.map((meeting) => [...meeting.companyIds].sort())).toEqual([
      [from.id, to.id].sort(),
    ]);

    // New work flows end to end again: a full rescore queued now completes.
    const scoring = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${sessionId}/scoring`, { token }),
    );
    await jobCompleted(base, token, scoring.jobId, 60_000);
    const [scores] = await env.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_scores m JOIN sessions s ON s.id = m.session_id
        WHERE m.session_id = $1 AND m.generation = s.score_generation`,
      [sessionId],
    );
    expect(scores.n).toBe(20 * 10); // each of 20 firms ranks the 10 of the other side
  });
});
