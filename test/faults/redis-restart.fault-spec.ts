import { createFaultEnv, type FaultEnv } from './support/fault-env';
import {
  adminToken,
  call,
  expectStatus,
  insertParticipants,
  job,
  jobCompleted,
  memberInSession,
  videoSession,
} from './support/http';
import { RoomClient } from './support/live-client';
import { startApiProcess, startWorkerProcess, type AppProcess } from './support/processes';
import { freePort, waitUntil } from './support/servers';

jest.setTimeout(180_000);

/**
 * Redis, which here keeps nothing on disk, is killed and started again empty while firms are in a
 * live room and jobs are running and queued. The API answers 503 on health meanwhile and recovers
 * by itself; live clients reconnect, join again and hear what is said next; nothing in PostgreSQL
 * is lost; and the jobs Redis forgot are queued again from PostgreSQL by the worker, which
 * notices that Redis came back empty.
 */
describe('Redis killed and started again empty', () => {
  let env: FaultEnv;
  let base: string;
  let api: AppProcess;
  let worker: AppProcess;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    // Each scheduling step and score block pauses 2 s: jobs are still running when Redis dies.
    env = await createFaultEnv({ JOB_STEP_DELAY_MS: '2000' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    [api, worker] = await Promise.all([
      startApiProcess('api', env.env, port).then((child) => env.track(child)),
      startWorkerProcess('worker', env.env).then((child) => env.track(child)),
    ]);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await env?.teardown();
  });

  it('loses nothing: the API and the worker recover, rooms carry on, forgotten jobs run', async () => {
    const token = await adminToken(base);
    const running = await videoSession(base, token);
    const queued = await videoSession(base, token);
    const member = await memberInSession(base, token, running, 'HK');
    const firms = await insertParticipants(env, running, 20, 'Running Firm');
    const queuedFirms = await insertParticipants(env, queued, 20, 'Queued Firm');
    const [canadian] = await env.query<{ id: string }>(
      `SELECT id FROM companies WHERE id = ANY($1::uuid[]) AND country = 'CA' LIMIT 1`,
      [firms],
    );
    const [queuedPair] = await env.query<{ hk: string; ca: string }>(
      `SELECT (SELECT id FROM companies WHERE id = ANY($1::uuid[]) AND country = 'HK' LIMIT 1) AS hk,
              (SELECT id FROM companies WHERE id = ANY($1::uuid[]) AND country = 'CA' LIMIT 1) AS ca`,
      [queuedFirms],
    );
    await env.query(
      `INSERT INTO meeting_requests (session_id, from_company_id, to_company_id, status, answered_at)
       VALUES ($1, $2, $3, 'accepted', now()), ($4, $5, $6, 'accepted', now())`,
      [running, member.companyId, canadian.id, queued, queuedPair.hk, queuedPair.ca],
    );

    const firm = new RoomClient(base, member.token, running);
    const organiser = new RoomClient(base, token, running);
    clients.push(firm, organiser);
    await firm.joined(1);
    await organiser.joined(1);

    // A full rescore and a scheduling run are running; a second scheduling run waits behind.
    const scoring = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${running}/scoring`, { token }),
    );
    const scheduling = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${running}/schedule`, { token }),
    );
    const waiting = await expectStatus<{ jobId: string }>(
      202,
      call(base, 'POST', `/api/sessions/${queued}/schedule`, { token }),
    );
    await waitUntil('the scheduling run is under way', async () => {
      const view = await job(base, token, scheduling.jobId);
      return view.state === 'active' && view.progress >= 20;
    });
    expect((await job(base, token, waiting.jobId)).state).toBe('waiting');
    expect((await job(base, token, scoring.jobId)).state).not.toBe('completed');

    await env.redis.kill();
    await waitUntil('health says Redis is down', async () => {
      const reply = await call(base, 'GET', '/api/health');
      return (
        reply.status === 503 &&
        JSON.stringify(reply.body) ===
          JSON.stringify({ status: 'unavailable', checks: { database: 'up', redis: 'down' } })
      );
    });
    // What lives in PostgreSQL is still served.
    const seen = await call(base, 'GET', `/api/sessions/${running}`, { token });
    expect(seen.status).toBe(200);
    // Work that needs the queue is refused cleanly, not left hanging.
    const refused = await call(base, 'POST', `/api/sessions/${queued}/scoring`, { token });
    expect(refused).toEqual({
      status: 503,
      body: expect.objectContaining({ statusCode: 503, error: 'Service Unavailable' }),
    });

    await env.redis.start();
    await waitUntil('health is back', async () => {
      const reply = await call(base, 'GET', '/api/health');
      return reply.status === 200;
    });
    expect(api.alive).toBe(true);
    expect(worker.alive).toBe(true);

    // Live: the sockets stayed up (or reconnected and joined again); the rooms work again.
    await waitUntil('the organiser can announce again', async () => {
      const ack = await organiser.announce(running, 'Redis is back');
      return ack.ok;
    });
    await waitUntil('the firm hears it', () =>
      firm.announcements.some((item) => item.text === 'Redis is back'),
    );
    // Presence, which lived in Redis, is written again by the process that holds the sockets.
    await waitUntil('the firm shows as present again', async () => {
      const state = await organiser.join(running);
      return (state.presence.page?.users ?? []).some((user) => user.userId === member.userId);
    });

    // Jobs: Redis forgot them all; the worker queued them again from PostgreSQL.
    // The organiser follows them under the ids it was given.
    await jobCompleted(base, token, scheduling.jobId, 90_000);
    await jobCompleted(base, token, waiting.jobId, 90_000);
    const runningSchedule = await scheduleOf(base, token, running);
    // The accepted request is placed (and, when the rescore finished first, scored pairs too).
    expect(runningSchedule.pairs).toContainEqual([member.companyId, canadian.id].sort());
    expect(runningSchedule.report.placed.accepted).toBe(1);
    expect(runningSchedule.pairs).toHaveLength(runningSchedule.report.meetings);
    expect(new Set(runningSchedule.pairs.map((pair) => pair.join())).size).toBe(
      runningSchedule.pairs.length,
    );
    const queuedSchedule = await scheduleOf(base, token, queued);
    expect(queuedSchedule.pairs).toEqual([[queuedPair.hk, queuedPair.ca].sort()]);
    await waitUntil(
      'the rescore finished',
      async () => {
        const [row] = await env.query<{ done: boolean }>(
          'SELECT score_generation > 0 AND score_generation = generation_counter AS done FROM sessions WHERE id = $1',
          [running],
        );
        return row.done;
      },
      60_000,
    );
    const [scores] = await env.query<{ n: number; companies: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT m.company_id)::int AS companies
         FROM match_scores m JOIN sessions s ON s.id = m.session_id
        WHERE m.session_id = $1`,
      [running],
    );
    // 21 firms: the member's HK firm and 10 more from Hong Kong, 10 from Canada.
    expect(scores).toEqual({ companies: 21, n: 11 * 10 + 10 * 11 });
    await jobCompleted(base, token, scoring.jobId);

    // Nothing that lived in PostgreSQL was lost.
    const [requests] = await env.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meeting_requests WHERE status = 'accepted'`,
    );
    expect(requests.n).toBe(2);
  });
});

async function scheduleOf(
  base: string,
  token: string,
  sessionId: string,
): Promise<{ pairs: string[][]; report: { meetings: number; placed: { accepted: number } } }> {
  const schedule = await expectStatus<{
    meetings: { companyIds: string[] }[];
    report: { meetings: number; placed: { accepted: number } };
  }>(200, call(base, 'GET', `/api/sessions/${sessionId}/schedule`, { token }));
  return {
    pairs: schedule.meetings.map((meeting) => [...meeting.companyIds].sort()),
    report: schedule.report,
  };
}
