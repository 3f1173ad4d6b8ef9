import type { INestApplicationContext } from '@nestjs/common';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { loadScheduleInputs } from '../src/scheduling/schedule-inputs';
import { MatchmakingSession } from '../src/sessions/session.entity';
import { startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { atSlot } from './support/session-clock';

const START = Date.UTC(2031, 8, 15, 14, 0); // 22:00 in Hong Kong, 10:00 in Toronto (EDT)
const SLOT = 20 * 60_000;

describe('scheduling, agendas, meetings and reports', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let sessionId: string;
  const firm: Record<string, { id: string; name: string }> = {};

  const at = (slot: number) => new Date(START + slot * SLOT).toISOString();

  async function ask(token: string, from: string, to: string): Promise<string> {
    const response = await client
      .as(token)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: firm[from].id, toCompanyId: firm[to].id })
      .expect(201);
    return response.body.id;
  }

  const answer = (token: string, requestId: string, status: string) =>
    client
      .as(token)
      .patch(`/api/sessions/${sessionId}/requests/${requestId}`)
      .send({ status })
      .expect(200);

  async function runSchedule(): Promise<{
    meetings: {
      id: string;
      slotIndex: number;
      companyIds: string[];
      roomId?: string;
      table?: number;
      status: string;
      origin: string;
    }[];
    report: Record<string, unknown>;
  }> {
    await client.runSchedule(organiser.accessToken, sessionId);
    return (
      await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200)
    ).body;
  }

  const pairOf = (meeting: { companyIds: string[] }) => [...meeting.companyIds].sort().join('|');
  const pair = (x: string, y: string) => [firm[x].id, firm[y].id].sort().join('|');

  beforeAll(async () => {
    worker = await startWorker();
    [organiser, hk, ca] = await Promise.all([client.organiser(), client.signUp(), client.signUp()]);
    sessionId = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send({
          title: unique('Scheduling session'),
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: at(0),
          endsAt: at(4),
          slotMinutes: 20,
          maxMeetingsPerCompany: 2,
          requestDeadline: at(0),
          sides: [['HK'], ['CA']],
        })
        .expect(201)
    ).body.id;
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    for (const name of ['h1', 'h2', 'h3'])
      firm[name] = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
        name: unique(`HK ${name}`),
      });
    for (const name of ['c1', 'c2', 'c3'])
      firm[name] = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
        ...canada,
        name: unique(`CA ${name}`),
      });
    for (const name of ['h1', 'h2', 'h3', 'c1', 'c2', 'c3']) {
      const token = name.startsWith('h') ? hk.accessToken : ca.accessToken;
      await client
        .as(token)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: firm[name].id })
        .expect(201);
    }
    await answer(ca.accessToken, await ask(hk.accessToken, 'h1', 'c1'), 'accepted'); // with c1 → h1: mutual
    await ask(ca.accessToken, 'c1', 'h1');
    await answer(ca.accessToken, await ask(hk.accessToken, 'h2', 'c2'), 'accepted');
    await ask(hk.accessToken, 'h3', 'c3'); // pending; then their availability stops overlapping:
    const only = (slot: number) => [{ from: at(slot), to: at(slot + 1) }];
    await client
      .as(hk.accessToken)
      .post(`/api/sessions/${sessionId}/participants`)
      .send({ companyId: firm.h3.id, availability: only(0) })
      .expect(200);
    await client
      .as(ca.accessToken)
      .post(`/api/sessions/${sessionId}/participants`)
      .send({ companyId: firm.c3.id, availability: only(3) })
      .expect(200);
    await answer(ca.accessToken, await ask(hk.accessToken, 'h1', 'c2'), 'declined');
  });
  afterAll(() => worker.close());

  it('places requested pairs by priority, never a declined pair, and reports what it could not place', async () => {
    const schedule = await runSchedule();
    const pairs = schedule.meetings.map(pairOf);
    expect(pairs).toContain(pair('h1', 'c1'));
    expect(pairs).toContain(pair('h2', 'c2'));
    expect(pairs).not.toContain(pair('h1', 'c2'));
    expect(pairs).not.toContain(pair('h3', 'c3'));
    expect(schedule.meetings.find((m) => pairOf(m) === pair('h1', 'c1'))?.origin).toBe('mutual');
    for (const meeting of schedule.meetings) {
      expect(meeting.roomId).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(meeting.table).toBeUndefined();
    }
    expect(schedule.report).toMatchObject({
      requested: { mutual: 1, accepted: 1, pending: 1 },
      placed: { mutual: 1, accepted: 1, pending: 0 },
      unplaced: [
        {
          kind: 'pending',
          reason: 'no-common-slot',
          companyIds: expect.arrayContaining([firm.h3.id, firm.c3.id]),
        },
      ],
    });
    const session = await client.as(hk.accessToken).get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body.status).toBe('scheduled');
    // No company is in two meetings of one slot, and the database itself refuses one.
    const seen = new Set<string>();
    for (const meeting of schedule.meetings) {
      for (const company of meeting.companyIds) {
        const key = `${company}@${meeting.slotIndex}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    const first = schedule.meetings[0];
    await expect(
      client.app
        .get(DataSource)
        .query(
          'INSERT INTO meeting_attendance (session_id, slot_index, company_id, meeting_id) VALUES ($1, $2, $3, $4)',
          [sessionId, first.slotIndex, first.companyIds[0], first.id],
        ),
    ).rejects.toThrow(/duplicate key/);
  });

  it("gives each firm its agenda in its own zone with the other side's local time, and as iCalendar", async () => {
    const agenda = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda?companyId=${firm.h1.id}&timezone=America/Toronto`)
      .expect(200);
    const withC1 = agenda.body.find(
      (item: { other: { id: string } }) => item.other.id === firm.c1.id,
    );
    expect(withC1.local.timezone).toBe('America/Toronto');
    expect(withC1.local.startsAt).toMatch(/-04:00$/);
    expect(withC1.other.localStartsAt).toMatch(/-04:00$/);
    const ownZone = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda?companyId=${firm.h1.id}`)
      .expect(200);
    expect(ownZone.body[0].local.startsAt).toMatch(/\+08:00$/);
    await client
      .as(ca.accessToken)
      .get(`/api/sessions/${sessionId}/agenda?companyId=${firm.h1.id}`)
      .expect(403);
    await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda?companyId=${firm.h1.id}&timezone=Mars/Base`)
      .expect(400);
    const ics = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda.ics?companyId=${firm.h1.id}`)
      .expect(200);
    const events = new ICAL.Component(ICAL.parse(ics.text))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.summary)).toContain(`Meeting with ${firm.c1.name} (CA)`);
    expect(events.map((event) => event.startDate.toJSDate().toISOString()).sort()).toEqual(
      ownZone.body.map((item: { startsAt: string }) => item.startsAt).sort(),
    );
  });

  it('gives a calendar feed link that calendar apps open without a token, for that agenda only', async () => {
    const feed = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda/feed?companyId=${firm.h1.id}`)
      .expect(200);
    expect(feed.body.url).toMatch(/^\/api\/calendar\/agenda\.ics\?key=[\w-]+\.[\w-]+\.[\w-]+$/);
    const opened = await client.http.get(feed.body.url).expect(200);
    expect(opened.headers['content-type']).toMatch(/^text\/calendar/);
    const withToken = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda.ics?companyId=${firm.h1.id}`)
      .expect(200);
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component).uid)
        .sort();
    expect(uids(opened.text)).toEqual(uids(withToken.text));
    expect(uids(opened.text).length).toBeGreaterThan(0);
    // The key is no access token, a changed key opens nothing, and strangers get no link.
    const key = new URL(feed.body.url, 'http://localhost').searchParams.get('key') ?? '';
    await client.as(key).get('/api/auth/me').expect(401);
    await client.http.get(`/api/calendar/agenda.ics?key=${key.slice(0, -2)}xx`).expect(404);
    await client.http.get('/api/calendar/agenda.ics').expect(400);
    await client
      .as(ca.accessToken)
      .get(`/api/sessions/${sessionId}/agenda/feed?companyId=${firm.h1.id}`)
      .expect(403);
  });

  it('lets either side cancel (freeing both slots), organisers mark held; keeps held meetings on a rerun', async () => {
    const schedule = (
      await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200)
    ).body;
    const mutual = schedule.meetings.find(
      (m: { companyIds: string[] }) => pairOf(m) === pair('h1', 'c1'),
    );
    const accepted = schedule.meetings.find(
      (m: { companyIds: string[] }) => pairOf(m) === pair('h2', 'c2'),
    );
    await client
      .as(hk.accessToken)
      .patch(`/api/meetings/${accepted.id}`)
      .send({ status: 'held' })
      .expect(403);
    await client
      .as((await client.signUp()).accessToken)
      .patch(`/api/meetings/${mutual.id}`)
      .send({ status: 'cancelled' })
      .expect(403);
    expect(
      (
        await client
          .as(ca.accessToken)
          .patch(`/api/meetings/${mutual.id}`)
          .send({ status: 'cancelled' })
          .expect(200)
      ).body.status,
    ).toBe('cancelled');
    const [{ n }] = await client.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1', [
        mutual.id,
      ]);
    expect(n).toBe(0);
    expect(
      (
        await client
          .as(organiser.accessToken)
          .patch(`/api/meetings/${mutual.id}`)
          .send({ status: 'held' })
          .expect(409)
      ).body.code,
    ).toBe('meeting.cancelled');
    // Not before it begins: held says what happened.
    expect(
      (
        await client
          .as(organiser.accessToken)
          .patch(`/api/meetings/${accepted.id}`)
          .send({ status: 'held' })
          .expect(409)
      ).body.code,
    ).toBe('meeting.not_begun');
    expect(
      (
        await atSlot(client.app.get(DataSource), sessionId, accepted.startsAt, () =>
          client
            .as(organiser.accessToken)
            .patch(`/api/meetings/${accepted.id}`)
            .send({ status: 'held' })
            .expect(200),
        )
      ).body.status,
    ).toBe('held');
    await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${accepted.id}`)
      .send({ status: 'maybe' })
      .expect(400);
    await client
      .as(organiser.accessToken)
      .patch('/api/meetings/6a1f2a0e-0000-4000-8000-000000000000')
      .send({ status: 'held' })
      .expect(404);

    await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${accepted.id}`)
      .send({})
      .expect(400);

    const rerun = await runSchedule();
    const kept = rerun.meetings.find((m) => m.id === accepted.id);
    expect(kept).toMatchObject({ status: 'held', slotIndex: accepted.slotIndex });
    // The cancelled pair is not planned again.
    expect(
      rerun.meetings.filter((m) => pairOf(m) === pair('h1', 'c1') && m.status !== 'cancelled'),
    ).toEqual([]);

    // A meeting an organiser fixes stays where it is, with its id, when scheduling runs again.
    // (h3 is free only in slot 0; c1 is free there since its meeting with h1 was cancelled.)
    await ask(hk.accessToken, 'h3', 'c1');
    const withNew = await runSchedule();
    const pinned = withNew.meetings.find((m) => pairOf(m) === pair('h3', 'c1'));
    expect(pinned).toBeDefined();
    await client
      .as(hk.accessToken)
      .patch(`/api/meetings/${pinned!.id}`)
      .send({ fixed: true })
      .expect(403);
    const fixed = await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${pinned!.id}`)
      .send({ fixed: true })
      .expect(200);
    expect(fixed.body.fixed).toBe(true);
    const again = await runSchedule();
    expect(again.meetings.find((m) => m.id === pinned!.id)).toMatchObject({
      slotIndex: pinned!.slotIndex,
      status: 'scheduled',
    });
  });

  it('takes feedback once per side, once the meeting has begun', async () => {
    const schedule = (
      await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200)
    ).body;
    const held = schedule.meetings.find((m: { status: string }) => m.status === 'held');
    const future = schedule.meetings.find((m: { status: string }) => m.status === 'scheduled');
    const url = (id: string) => `/api/meetings/${id}/feedback`;
    if (future) {
      const side: string = future.companyIds[0];
      const token = [firm.h1.id, firm.h2.id, firm.h3.id].includes(side)
        ? hk.accessToken
        : ca.accessToken;
      const early = await client
        .as(token)
        .post(url(future.id))
        .send({ rating: 4, outcome: 'none', companyId: side })
        .expect(409);
      expect(early.body.code).toBe('meeting.not_begun');
    }
    for (const rating of [undefined, 0, 6, 4.5]) {
      const bad = await client
        .as(hk.accessToken)
        .post(url(held.id))
        .send({ rating, outcome: 'follow-up' })
        .expect(400);
      // A missing field says so (as every DTO does); a wrong one says what is allowed.
      const message = rating === undefined ? 'is required' : 'must be a whole number from 1 to 5';
      expect(bad.body.fields).toEqual({ rating: [message] });
    }
    const given = await client
      .as(hk.accessToken)
      .post(url(held.id))
      .send({ rating: 5, outcome: 'follow-up', comment: 'Promising distributor' })
      .expect(201);
    expect(given.body).toMatchObject({ companyId: firm.h2.id, rating: 5, outcome: 'follow-up' });
    // The firm's agenda shows the feedback it gave; the other side's shows none until it gives.
    const agendaOf = async (token: string, companyId: string) =>
      (
        await client
          .as(token)
          .get(`/api/sessions/${sessionId}/agenda?companyId=${companyId}`)
          .expect(200)
      ).body.find((item: { id: string }) => item.id === held.id);
    expect((await agendaOf(hk.accessToken, firm.h2.id)).feedback).toEqual({
      rating: 5,
      outcome: 'follow-up',
      comment: 'Promising distributor',
      givenAt: expect.any(String),
    });
    const otherSide = held.companyIds.find((id: string) => id !== firm.h2.id);
    expect((await agendaOf(ca.accessToken, otherSide)).feedback).toBeNull();
    expect(
      (
        await client
          .as(hk.accessToken)
          .post(url(held.id))
          .send({ rating: 1, outcome: 'none' })
          .expect(409)
      ).body.code,
    ).toBe('feedback.duplicate');
    await client
      .as(ca.accessToken)
      .post(url(held.id))
      .send({ rating: 3, outcome: 'negotiating' })
      .expect(201);
    await client
      .as((await client.signUp()).accessToken)
      .post(url(held.id))
      .send({ rating: 3, outcome: 'none' })
      .expect(403);
    const bad = await client
      .as(ca.accessToken)
      .post(url(held.id))
      .send({ rating: 9, outcome: 'married' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['outcome', 'rating']);
  });

  it('reports meetings, ratings and outcomes by country pair, as JSON and CSV, to organisers', async () => {
    const report = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/report`)
      .expect(200);
    expect(report.body.totals).toMatchObject({
      held: 1,
      cancelled: 1,
      feedback: 2,
      averageRating: 4,
      outcomes: { 'follow-up': 1, negotiating: 1 },
    });
    expect(
      report.body.byCountryPair.map((line: { countryPair: string }) => line.countryPair),
    ).toEqual(['CA–HK']);
    // h1–c1 (mutual, its meeting cancelled) and h2–c2; h3–c1 is only pending.
    expect(report.body.acceptedRequests).toEqual({ pairs: 2, placed: 1, share: 0.5 });
    const csv = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/report?format=csv`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // With a byte-order mark, for Excel (the shared CSV writer).
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'countryPair,scheduled,held,noShow,cancelled,feedback,averageRating,none,follow-up,negotiating,agreement-signed',
    );
    expect(lines[lines.length - 1]).toMatch(/^all,\d+,1,0,1,2,4,0,1,1,0$/);
    await client.as(hk.accessToken).get(`/api/sessions/${sessionId}/report`).expect(403);
    await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/report?format=pdf`)
      .expect(400);
  });

  it('leaves no double booking when firms cancel while scheduling runs again', async () => {
    const db = client.app.get(DataSource);
    // More wanted meetings, so that there is something to cancel and to replan.
    // (Left pending: a pair the schedule already has takes no answer, request.meeting_scheduled.)
    await ask(hk.accessToken, 'h2', 'c1');
    await ask(ca.accessToken, 'c3', 'h1');
    const before = await runSchedule();
    const cancellable = before.meetings.filter((m) => m.status === 'scheduled');
    const queued = client.as(organiser.accessToken).post(`/api/sessions/${sessionId}/schedule`);
    const cancels = cancellable.map((meeting) =>
      client
        .as(organiser.accessToken)
        .patch(`/api/meetings/${meeting.id}`)
        .send({ status: 'cancelled' }),
    );
    const [run, ...answers] = await Promise.all([queued, ...cancels]);
    expect(run.status).toBe(202);
    // A cancellation that arrives after the run replaced that meeting finds it gone (404).
    for (const response of answers) expect([200, 404]).toContain(response.status);
    await runSchedule();

    const doubles = await db.query(
      `SELECT company, slot_index, count(*)::int AS n FROM (
         SELECT company_a AS company, slot_index FROM meetings WHERE session_id = $1 AND status <> 'cancelled'
         UNION ALL
         SELECT company_b, slot_index FROM meetings WHERE session_id = $1 AND status <> 'cancelled') t
       GROUP BY company, slot_index HAVING count(*) > 1`,
      [sessionId],
    );
    expect(doubles).toEqual([]);
    const attendance = await db.query<{ status: string; rows: number }[]>(
      `SELECT m.status::text AS status, count(a.*)::int AS rows FROM meetings m
         LEFT JOIN meeting_attendance a ON a.meeting_id = m.id WHERE m.session_id = $1 GROUP BY m.id, m.status`,
      [sessionId],
    );
    for (const meeting of attendance)
      expect(meeting.rows).toBe(meeting.status === 'cancelled' ? 0 : 2);
  });

  it('refuses scheduling to members (403) and in sessions that do not allow it (409)', async () => {
    await client.as(hk.accessToken).post(`/api/sessions/${sessionId}/schedule`).expect(403);
    const draft = await client
      .as(organiser.accessToken)
      .post('/api/sessions')
      .send({
        title: unique('Draft'),
        mode: 'in-person',
        timezone: 'UTC',
        startsAt: at(0),
        endsAt: at(4),
        slotMinutes: 20,
        maxMeetingsPerCompany: 2,
        requestDeadline: at(0),
        status: 'draft',
        tables: 3,
      })
      .expect(201);
    expect(
      (
        await client
          .as(organiser.accessToken)
          .post(`/api/sessions/${draft.body.id}/schedule`)
          .expect(409)
      ).body.code,
    ).toBe('session.draft');
  });

  it("places a requested meeting only in the slots of its request's window", async () => {
    // A session of its own, later: six slots; the pair's one meeting may take the last two only.
    const later = (slot: number) => at(20 + slot);
    const windowed = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send({
          title: unique('Window session'),
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: later(0),
          endsAt: later(6),
          slotMinutes: 20,
          maxMeetingsPerCompany: 3,
          requestDeadline: later(0),
          sides: [['HK'], ['CA']],
        })
        .expect(201)
    ).body.id as string;
    const h = await client.verifiedFirm(organiser.accessToken);
    const c = await client.verifiedFirm(organiser.accessToken, { country: 'CA' });
    for (const firm of [h, c])
      await client
        .as(firm.token)
        .post(`/api/sessions/${windowed}/participants`)
        .send({ companyId: firm.id })
        .expect(201);
    const request = await client
      .as(h.token)
      .post(`/api/sessions/${windowed}/requests`)
      .send({ fromCompanyId: h.id, toCompanyId: c.id, window: { from: later(0), to: later(6) } })
      .expect(201);
    await client
      .as(c.token)
      .patch(`/api/sessions/${windowed}/requests/${request.body.id}`)
      .send({ status: 'accepted', window: { from: later(4), to: later(6) } })
      .expect(200);
    // The solver is given the slots inside both windows: the last two.
    const dataSource = client.app.get(DataSource);
    const inputs = await loadScheduleInputs(
      dataSource.manager,
      await dataSource.manager.findOneByOrFail(MatchmakingSession, { id: windowed }),
      new Date(START),
    );
    const [requested] = inputs.problem.pairs.filter((p) => p.tier < 3);
    expect(requested.slots).toEqual([4, 5]);
    await client.runSchedule(organiser.accessToken, windowed);
    const schedule = (
      await client.as(organiser.accessToken).get(`/api/sessions/${windowed}/schedule`).expect(200)
    ).body as { meetings: { slotIndex: number; companyIds: string[] }[] };
    const meeting = schedule.meetings.find(
      (m) => [...m.companyIds].sort().join('|') === [h.id, c.id].sort().join('|'),
    );
    expect(meeting?.slotIndex).toBeGreaterThanOrEqual(4);
  });
});
