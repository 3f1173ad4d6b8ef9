import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { startApi, startWorker } from './support/app';
import { TestClient, type Account } from './support/client';

/**
 * Many firms request, accept, decline and cancel at once, through two API processes, while the
 * organiser reschedules on two workers and firms cancel meetings of the schedule being replaced.
 * Every answer must be a success or a 4xx refusal (a deadlock or a serialization failure would be a
 * 5xx), racing changes to one request must not both win, and the schedules must never book a
 * company twice in a slot, a pair twice, or a company beyond the session's limit.
 */
const START = Date.UTC(2031, 10, 3, 1, 0);
const FIRMS_PER_SIDE = 12;
const OWNERS_PER_SIDE = 4;
const ASKS_PER_FIRM = 4;

interface Firm {
  id: string;
  token: string;
}
interface Outcome {
  status: number;
  body: {
    status?: string;
    answeredAt?: string | null;
    id?: string;
    statusCode?: number;
    code?: string;
  };
}

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('concurrent requests, answers, cancellations and rescheduling', () => {
  const apis: NestFastifyApplication[] = [];
  const workers: INestApplicationContext[] = [];
  let clients: TestClient[];
  let organiser: Account;
  let sessionId: string;
  const hk: Firm[] = [];
  const ca: Firm[] = [];
  const seed = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 100_000);
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  /** Spreads calls over the two API processes. */
  const via = () => clients[Math.floor(next() * clients.length)];
  const outcomes: { what: string; status: number }[] = [];
  const record = async (what: string, call: PromiseLike<{ status: number; body: unknown }>) => {
    const response = await call;
    outcomes.push({ what, status: response.status });
    return response as Outcome;
  };

  beforeAll(async () => {
    apis.push(await startApi(), await startApi());
    workers.push(await startWorker(), await startWorker());
    clients = apis.map((app) => new TestClient(app));
    const [client] = clients;
    organiser = await client.organiser();
    sessionId = await client.videoSession(organiser.accessToken, START, 120, {
      maxMeetingsPerCompany: 4,
    });
    const owners = await Promise.all(
      Array.from({ length: 2 * OWNERS_PER_SIDE }, () => client.signUp()),
    );
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    for (let index = 0; index < FIRMS_PER_SIDE * 2; index += 1) {
      const onCanada = index >= FIRMS_PER_SIDE;
      const owner = owners[(index % OWNERS_PER_SIDE) + (onCanada ? OWNERS_PER_SIDE : 0)];
      const company = await client.verifiedCompany(
        owner.accessToken,
        organiser.accessToken,
        onCanada ? canada : {},
      );
      await client
        .as(owner.accessToken)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: company.id })
        .expect(201);
      (onCanada ? ca : hk).push({ id: company.id, token: owner.accessToken });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(apis.map((app) => app.close()));
  });

  const ask = (from: Firm, to: Firm) =>
    record(
      'request',
      via()
        .as(from.token)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: from.id, toCompanyId: to.id }),
    );
  const answer = (who: Firm, requestId: string, status: string) =>
    record(
      `answer:${status}`,
      via()
        .as(who.token)
        .patch(`/api/sessions/${sessionId}/requests/${requestId}`)
        .send({ status }),
    );
  const reschedule = () =>
    record('schedule', via().as(organiser.accessToken).post(`/api/sessions/${sessionId}/schedule`));
  const db = () => apis[0].get(DataSource);

  it('keeps every invariant through a storm of requests, answers and reschedules', async () => {
    const firms = new Map([...hk, ...ca].map((firm) => [firm.id, firm]));
    // 1. Every firm asks a few firms of the other side at once; some pairs ask each other, and
    // some requests are sent twice at the same moment (a double click on two devices).
    const asks: [Firm, Firm][] = [];
    for (const from of [...hk, ...ca]) {
      const others = hk.includes(from) ? ca : hk;
      const chosen = new Set<Firm>();
      while (chosen.size < ASKS_PER_FIRM) chosen.add(pick(others));
      for (const to of chosen) asks.push([from, to]);
    }
    const doubled = asks.filter(() => next() < 0.2);
    const scheduled = reschedule();
    const created = await Promise.all([
      ...asks.map(([from, to]) => ask(from, to)),
      ...doubled.map(([from, to]) => ask(from, to)),
    ]);
    // A first schedule, planned while the requests were still arriving.
    await clients[0].runSchedule(organiser.accessToken, sessionId);
    await scheduled;
    const requests = created.filter((response) => response.status === 201);
    // A request sent twice at once is created once; the other copy is refused as a duplicate.
    expect(requests).toHaveLength(asks.length);
    expect(created.filter((response) => response.status === 409)).toHaveLength(doubled.length);

    // 2. Receivers accept or decline while senders cancel, racing on the same requests, while the
    // organiser reschedules and firms cancel meetings of the schedule being replaced.
    const { meetings: before } = (
      await clients[0].as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`)
    ).body as { meetings: { id: string; companyIds: string[] }[] };
    const races: Promise<unknown>[] = [];
    const raced = new Map<string, Promise<Outcome>[]>();
    for (const response of requests) {
      const { id, fromCompanyId, toCompanyId } = response.body as {
        id: string;
        fromCompanyId: string;
        toCompanyId: string;
      };
      const from = firms.get(fromCompanyId)!;
      const to = firms.get(toCompanyId)!;
      const roll = next();
      const calls: Promise<Outcome>[] = [];
      if (roll < 0.35) calls.push(answer(to, id, 'accepted'), answer(to, id, 'declined'));
      else if (roll < 0.6) calls.push(answer(to, id, 'accepted'), answer(from, id, 'cancelled'));
      else if (roll < 0.85) calls.push(answer(to, id, 'accepted'));
      else calls.push(answer(to, id, 'declined'));
      raced.set(id, calls);
      races.push(...calls);
    }
    expect(before.length).toBeGreaterThan(0);
    const cancels = before.filter(() => next() < 0.3);
    const cancelled = cancels.map((meeting) => {
      const side = firms.get(meeting.companyIds[0])!;
      const call = record(
        'meeting:cancel',
        via().as(side.token).patch(`/api/meetings/${meeting.id}`).send({ status: 'cancelled' }),
      );
      races.push(call);
      return call;
    });
    for (let run = 0; run < 3; run += 1) races.push(reschedule());
    await Promise.all(races);

    // Nothing failed on the server's side: every answer is a success or a refusal.
    const failures = outcomes.filter(({ status }) => status >= 500);
    expect({ seed, failures }).toEqual({ seed, failures: [] });
    expect(outcomes.every(({ status }) => [200, 201, 202, 404, 409].includes(status))).toBe(true);

    // No lost update: of an accept racing a decline exactly one wins, and each request ends in
    // the state of its last successful change. A request whose pair had a meeting when it was
    // answered takes no answer (409 request.meeting_scheduled): if every answer met one, the
    // request is as it was.
    const rows = await db().query<{ id: string; status: string; answered_at: Date | null }[]>(
      `SELECT id, status, answered_at FROM meeting_requests WHERE session_id = $1`,
      [sessionId],
    );
    expect(rows).toHaveLength(asks.length);
    for (const row of rows) {
      const answers = await Promise.all(raced.get(row.id)!);
      const won = answers.filter((response) => response.status === 200);
      if (won.length === 0) {
        expect(answers.map((response) => response.body.code)).toEqual(
          answers.map(() => 'request.meeting_scheduled'),
        );
        expect([row.status, row.answered_at]).toEqual(['pending', null]);
        continue;
      }
      const statuses = won.map((response) => response.body.status);
      if (statuses.includes('declined')) expect(statuses).not.toContain('accepted');
      const last = won.reduce((latest, response) =>
        new Date(response.body.answeredAt!) > new Date(latest.body.answeredAt!) ? response : latest,
      );
      expect(row.status).toBe(last.body.status);
      expect(row.answered_at?.toISOString()).toBe(last.body.answeredAt);
    }

    // A meeting whose cancellation succeeded stays cancelled: rescheduling does not bring it back.
    const cancelledIds = (await Promise.all(cancelled))
      .filter((response) => response.status === 200)
      .map((response) => response.body.id!);
    expect(cancelledIds.length).toBeGreaterThan(0);
    const afterCancel = await db().query<{ status: string }[]>(
      `SELECT status FROM meetings WHERE id = ANY($1::uuid[])`,
      [cancelledIds],
    );
    expect(afterCancel.map((row) => row.status)).toEqual(cancelledIds.map(() => 'cancelled'));

    // 3. One more schedule after the storm: it places what was asked for, or says why not.
    await clients[1].runSchedule(organiser.accessToken, sessionId);
    const { meetings, report } = (
      await clients[0].as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`)
    ).body as {
      meetings: { id: string; slotIndex: number; companyIds: string[]; status: string }[];
      report: {
        requested: Record<string, number>;
        placed: Record<string, number>;
        unplaced: unknown[];
        meetings: number;
      };
    };
    const live = meetings.filter((meeting) => meeting.status !== 'cancelled');
    const requested = Object.values(report.requested).reduce((sum, count) => sum + count, 0);
    const placed = report.placed.mutual + report.placed.accepted + report.placed.pending;
    expect(placed + report.unplaced.length).toBe(requested);
    expect(report.meetings).toBe(live.length);

    // No company twice in a slot, no pair twice, nobody beyond the limit of four.
    const seats = live.flatMap((meeting) =>
      meeting.companyIds.map((company) => `${meeting.slotIndex}:${company}`),
    );
    expect(new Set(seats).size).toBe(seats.length);
    const pairs = live.map((meeting) => [...meeting.companyIds].sort().join('|'));
    expect(new Set(pairs).size).toBe(pairs.length);
    const perCompany = new Map<string, number>();
    for (const company of live.flatMap((meeting) => meeting.companyIds)) {
      perCompany.set(company, (perCompany.get(company) ?? 0) + 1);
    }
    expect(Math.max(...perCompany.values())).toBeLessThanOrEqual(4);
    // The attendance table agrees with the meetings (one row per side of each live meeting).
    const [{ count }] = await db().query<{ count: string }[]>(
      `SELECT count(*) FROM meeting_attendance WHERE session_id = $1`,
      [sessionId],
    );
    expect(Number(count)).toBe(2 * live.length);

    // No transaction was left open or waiting on a lock.
    const stuck = await db().query<{ state: string }[]>(
      `SELECT state FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')`,
    );
    expect(stuck).toEqual([]);
  }, 240_000);
});
