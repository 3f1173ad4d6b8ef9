import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen, until } from './support/live';

const START = Date.UTC(2031, 9, 6, 1, 0); // 09:00 in Hong Kong
const SLOT = 20 * 60_000;
const at = (slot: number) => new Date(START + slot * SLOT).toISOString();

interface Meeting {
  id: string;
  slotIndex: number;
  companyIds: string[];
  table?: number;
  fixed: boolean;
  origin: string;
}

/**
 * Schedules as drafts (made, shown with what they change, published or refused when stale,
 * discarded) and the board by hand (book, move, swap, pin under every hard constraint, each 409
 * naming what is in the way; two organisers at once), against the real database and worker.
 */
describe('schedule drafts and the board by hand', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let organiser: Account;
  let other: Account;
  let hk: Account;
  let ca: Account;
  const firm: Record<string, string> = {};
  const db = () => client.app.get(DataSource);

  async function session(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send({
          title: unique('Board session'),
          mode: 'in-person',
          tables: 1,
          timezone: 'Asia/Hong_Kong',
          startsAt: at(0),
          endsAt: at(4),
          slotMinutes: 20,
          maxMeetingsPerCompany: 1,
          requestDeadline: at(0),
          sides: [['HK'], ['CA']],
          ...overrides,
        })
        .expect(201)
    ).body.id as string;
    for (const name of ['h1', 'h2', 'h3', 'c1', 'c2', 'c3']) {
      await client
        .as(name.startsWith('h') ? hk.accessToken : ca.accessToken)
        .post(`/api/sessions/${id}/participants`)
        .send({
          companyId: firm[name],
          // c3 is free in the last slot only.
          ...(name === 'c3' ? { availability: [{ from: at(3), to: at(4) }] } : {}),
        })
        .expect(201);
    }
    return id;
  }

  const book = (sessionId: string, a: string, b: string, slotIndex: number, extra = {}) =>
    client
      .as(organiser.accessToken)
      .post(`/api/sessions/${sessionId}/meetings`)
      .send({ companyIds: [firm[a], firm[b]], slotIndex, ...extra });

  const patch = (meetingId: string, body: Record<string, unknown>, token = organiser.accessToken) =>
    client.as(token).patch(`/api/meetings/${meetingId}`).send(body);

  async function waitFor(jobId: string): Promise<void> {
    await eventually(async () => {
      const job = await client.as(organiser.accessToken).get(`/api/jobs/${jobId}`).expect(200);
      if (job.body.state === 'failed') throw new Error(job.body.failedReason);
      return job.body.state === 'completed' ? true : undefined;
    }, 20_000);
  }

  async function makeDraft(sessionId: string) {
    const queued = await client
      .as(organiser.accessToken)
      .post(`/api/sessions/${sessionId}/schedule`)
      .send({ draft: true })
      .expect(202);
    await waitFor(queued.body.jobId);
    return queued.body as { jobId: string; warning?: { code: string; requestDeadline: string } };
  }

  const noticesOf = async (userId: string, kind: string) =>
    db().query<{ params: Record<string, unknown> }[]>(
      'SELECT params FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at',
      [userId, kind],
    );

  beforeAll(async () => {
    worker = await startWorker();
    [organiser, other, hk, ca] = await Promise.all([
      client.organiser(),
      client.organiser(),
      client.signUp(),
      client.signUp(),
    ]);
    const canada = { country: 'CA', timezone: 'America/Toronto', city: 'Toronto' };
    for (const name of ['h1', 'h2', 'h3'])
      firm[name] = (
        await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
          name: unique(`HK ${name}`),
        })
      ).id;
    for (const name of ['c1', 'c2', 'c3'])
      firm[name] = (
        await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
          ...canada,
          name: unique(`CA ${name}`),
        })
      ).id;
  }, 120_000);

  afterAll(() => worker.close());

  describe('drafts', () => {
    let sessionId: string;

    beforeAll(async () => {
      sessionId = await session({ tables: 3, maxMeetingsPerCompany: 2 });
      // Organisers ask and answer on the firms' behalf.
      const asked = await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: firm.h1, toCompanyId: firm.c1 })
        .expect(201);
      await client
        .as(organiser.accessToken)
        .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
        .send({ status: 'accepted' })
        .expect(200);
    });

    it('makes a draft without publishing it, with a warning before the request deadline', async () => {
      const queued = await makeDraft(sessionId);
      expect(queued.warning).toEqual({
        code: 'requests_still_open',
        requestDeadline: at(0),
      });
      const published = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule`)
        .expect(200);
      expect(published.body.meetings).toEqual([]);
      const draft = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
      expect(draft.body).toMatchObject({ stale: false, firstPublish: true, firmsToTell: 6 });
      expect(draft.body.meetings.length).toBeGreaterThan(0);
      expect(draft.body.changes.added).toHaveLength(draft.body.meetings.length);
      expect(draft.body.changes.moved).toEqual([]);
      expect(draft.body.report.placed.accepted).toBe(1);
      const pairs = (draft.body.meetings as Meeting[]).map((m) => [...m.companyIds].sort().join());
      expect(pairs).toContain([firm.h1, firm.c1].sort().join());
      expect(await noticesOf(hk.user.id, 'schedule.published')).toEqual([]);
      const session = await client.as(hk.accessToken).get(`/api/sessions/${sessionId}`);
      expect(session.body.status).toBe('open');
    });

    it('refuses to publish another draft or a stale one, and publishes a fresh one', async () => {
      const first = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
      const publish = (draftId: unknown) =>
        client
          .as(organiser.accessToken)
          .post(`/api/sessions/${sessionId}/schedule/draft/publish`)
          .send({ draftId });
      await publish(null).expect(400);
      const replaced = await publish(organiser.user.id).expect(409);
      expect(replaced.body).toMatchObject({
        code: 'schedule_draft.replaced',
        details: { draftId: first.body.draftId },
      });
      // A request since the draft: the draft is stale, nothing is published.
      await client
        .as(hk.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: firm.h2, toCompanyId: firm.c2 })
        .expect(201);
      const shown = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
      expect(shown.body.stale).toBe(true);
      expect((await publish(first.body.draftId).expect(409)).body.code).toBe(
        'schedule_draft.stale',
      );
      const meetings = await db().query('SELECT id FROM meetings WHERE session_id = $1', [
        sessionId,
      ]);
      expect(meetings).toEqual([]);

      await makeDraft(sessionId);
      const fresh = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
      expect(fresh.body.draftId).not.toBe(first.body.draftId);
      expect(fresh.body.stale).toBe(false);
      const done = await publish(fresh.body.draftId).expect(200);
      expect(done.body).toEqual({ meetings: fresh.body.meetings.length, firmsTold: 6 });
      const schedule = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule`)
        .expect(200);
      const placed = (m: { companyIds: string[]; slotIndex: number; table?: number }) =>
        `${[...m.companyIds].sort().join()}@${m.slotIndex}/${m.table}`;
      expect((schedule.body.meetings as Meeting[]).map(placed).sort()).toEqual(
        (fresh.body.meetings as Meeting[]).map(placed).sort(),
      );
      expect(schedule.body.report).toEqual(fresh.body.report);
      expect(await noticesOf(hk.user.id, 'schedule.published')).not.toEqual([]);
      const session = await client.as(hk.accessToken).get(`/api/sessions/${sessionId}`);
      expect(session.body.status).toBe('scheduled');
      await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(404);
    });

    it('shows a pinned meeting as kept, what a draft moves, and discards a draft', async () => {
      const schedule = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule`)
        .expect(200);
      const [pinned] = schedule.body.meetings as Meeting[];
      await patch(pinned.id, { fixed: true }).expect(200);
      await makeDraft(sessionId);
      const draft = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
      expect(draft.body.meetings).toContainEqual(
        expect.objectContaining({ id: pinned.id, kept: true, fixed: true }),
      );
      expect(draft.body.firstPublish).toBe(false);
      await client
        .as(organiser.accessToken)
        .delete(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(204);
      await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(404);
      // The same inputs again after a discard: a new draft is made.
      await makeDraft(sessionId);
      await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/schedule/draft`)
        .expect(200);
    });
  });

  describe('the board by hand', () => {
    let sessionId: string;
    let first: Meeting;
    let second: Meeting;

    beforeAll(async () => {
      sessionId = await session();
      const declined = await client
        .as(hk.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: firm.h1, toCompanyId: firm.c2 })
        .expect(201);
      await client
        .as(ca.accessToken)
        .patch(`/api/sessions/${sessionId}/requests/${declined.body.id}`)
        .send({ status: 'declined' })
        .expect(200);
    });

    it('books a meeting in a free cell, pinned, and tells both firms with reminders', async () => {
      const booked = await book(sessionId, 'h1', 'c1', 0).expect(201);
      first = booked.body;
      expect(first).toMatchObject({ slotIndex: 0, table: 1, fixed: true, origin: 'score' });
      expect([...first.companyIds].sort()).toEqual([firm.h1, firm.c1].sort());
      const told = await noticesOf(hk.user.id, 'meeting.changed');
      expect(told.map((n) => n.params)).toContainEqual(
        expect.objectContaining({ meetingId: first.id, change: 'added', table: 1 }),
      );
      const reminders = await db().query(
        `SELECT not_before FROM notification_outbox WHERE kind = 'meeting.reminder' AND key LIKE $1`,
        [`meeting-reminder.${first.id}.%`],
      );
      expect(reminders.length).toBeGreaterThan(0);
    });

    it('refuses bad input with 400 naming the field, and stores nothing', async () => {
      const count = async () =>
        (
          await db().query('SELECT count(*)::int AS n FROM meetings WHERE session_id = $1', [
            sessionId,
          ])
        )[0].n as number;
      const before = await count();
      const send = (body: unknown) =>
        client
          .as(organiser.accessToken)
          .post(`/api/sessions/${sessionId}/meetings`)
          .send(body as object)
          .expect(400);
      expect((await send({ companyIds: null, slotIndex: 1 })).body.fields).toHaveProperty(
        'companyIds',
      );
      expect((await send({ companyIds: [firm.h2], slotIndex: 1 })).body.fields).toHaveProperty(
        'companyIds',
      );
      expect(
        (await send({ companyIds: [firm.h2, firm.h2], slotIndex: 1 })).body.fields,
      ).toHaveProperty('companyIds');
      expect(
        (await send({ companyIds: [firm.h2, firm.c2], slotIndex: '1' })).body.fields,
      ).toHaveProperty('slotIndex');
      expect(
        (await send({ companyIds: [firm.h2, firm.c2], slotIndex: 9 })).body.fields,
      ).toHaveProperty('slotIndex');
      expect(
        (await send({ companyIds: [firm.h2, firm.c2], slotIndex: 1, table: 2 })).body.fields,
      ).toHaveProperty('table');
      expect(
        (await patch(first.id, { slotIndex: 1, status: 'held' }).expect(400)).body.fields,
      ).toHaveProperty('status');
      expect((await patch(first.id, { swapWith: 'nope' }).expect(400)).body.fields).toHaveProperty(
        'swapWith',
      );
      expect(await count()).toBe(before);
    });

    it('answers 409 naming the rule and what is in the way', async () => {
      const refusal = async (pending: ReturnType<typeof book>) => (await pending.expect(409)).body;
      expect(await refusal(book(sessionId, 'h2', 'c2', 0, { table: 1 }))).toMatchObject({
        code: 'board.table_taken',
        details: { meetingId: first.id, table: 1, slotIndex: 0 },
      });
      expect(await refusal(book(sessionId, 'h2', 'c2', 0))).toMatchObject({
        code: 'board.tables_full',
      });
      expect(await refusal(book(sessionId, 'h1', 'c1', 2))).toMatchObject({
        code: 'board.pair_meets',
        details: { meetingId: first.id },
      });
      expect(await refusal(book(sessionId, 'h2', 'c3', 1))).toMatchObject({
        code: 'board.unavailable',
        details: { companyId: firm.c3, slotIndex: 1 },
      });
      expect(await refusal(book(sessionId, 'h1', 'c2', 2))).toMatchObject({
        code: 'board.pair_declined',
      });
      expect(await refusal(book(sessionId, 'h2', 'h3', 2))).toMatchObject({
        code: 'board.ineligible',
      });
      expect(await refusal(book(sessionId, 'h1', 'c3', 3))).toMatchObject({
        code: 'board.max_meetings',
        details: { companyId: firm.h1, max: 1 },
      });
    });

    it('moves, swaps and pins a meeting, and tells the firms where it went', async () => {
      second = (await book(sessionId, 'h2', 'c2', 1).expect(201)).body;
      const full = await patch(first.id, { slotIndex: 1 }).expect(409);
      expect(full.body.code).toBe('board.tables_full');
      const swapped = await patch(first.id, { swapWith: second.id }).expect(200);
      expect(swapped.body).toMatchObject({ id: first.id, slotIndex: 1, table: 1 });
      const rows = await db().query<{ id: string; slot_index: number }[]>(
        'SELECT id, slot_index FROM meetings WHERE id = ANY($1::uuid[]) ORDER BY slot_index',
        [[first.id, second.id]],
      );
      expect(rows).toEqual([
        { id: second.id, slot_index: 0 },
        { id: first.id, slot_index: 1 },
      ]);
      const moved = await patch(first.id, { slotIndex: 2, fixed: false }).expect(200);
      expect(moved.body).toMatchObject({ slotIndex: 2, fixed: false, table: 1 });
      const told = (await noticesOf(ca.user.id, 'meeting.changed')).map((n) => n.params);
      expect(told).toContainEqual(
        expect.objectContaining({ meetingId: first.id, change: 'moved' }),
      );
      // The reminders follow the meeting to its new time.
      const reminders = await db().query<{ not_before: Date }[]>(
        `SELECT not_before FROM notification_outbox
          WHERE kind = 'meeting.reminder' AND status = 'pending' AND key LIKE $1`,
        [`meeting-reminder.${first.id}.%`],
      );
      expect(reminders.length).toBeGreaterThan(0);
      for (const reminder of reminders) {
        expect(new Date(reminder.not_before).getTime()).toBeLessThan(Date.parse(at(2)));
        expect(Date.parse(at(2)) - new Date(reminder.not_before).getTime()).toBeGreaterThan(0);
      }
      const attendance = await db().query(
        'SELECT slot_index FROM meeting_attendance WHERE meeting_id = $1',
        [first.id],
      );
      expect(attendance).toEqual([{ slot_index: 2 }, { slot_index: 2 }]);
      // A firm may not move meetings.
      await patch(first.id, { slotIndex: 3 }, hk.accessToken).expect(403);
    });

    it("tells the firms' and every organiser's live connection of a moved meeting", async () => {
      const live = new LiveClients();
      try {
        const url = await listen(client.app);
        const [board, firmSide] = await Promise.all([
          live.connected(url, other.accessToken),
          live.connected(url, hk.accessToken),
        ]);
        const seen = [board, firmSide].map((socket) =>
          collect<{ meeting: { id: string; slotIndex: number } }>(socket, 'meeting.updated'),
        );
        await patch(first.id, { slotIndex: 3 }).expect(200);
        await until(() => seen.every((events) => events.length > 0));
        for (const events of seen) {
          expect(events[0].meeting).toMatchObject({ id: first.id, slotIndex: 3 });
        }
      } finally {
        live.closeAll();
      }
    });

    it('never double-books when two organisers place meetings at once', async () => {
      const race = await session({ tables: 2, maxMeetingsPerCompany: 3 });
      const at = (token: string, a: string, b: string, slotIndex: number, table?: number) =>
        client
          .as(token)
          .post(`/api/sessions/${race}/meetings`)
          .send({ companyIds: [firm[a], firm[b]], slotIndex, ...(table ? { table } : {}) });
      // One table, two pairs.
      const table = await Promise.all([
        at(organiser.accessToken, 'h1', 'c1', 0, 1),
        at(other.accessToken, 'h2', 'c2', 0, 1),
      ]);
      expect(table.map((answer) => answer.status).sort()).toEqual([201, 409]);
      // One firm, two partners, one slot.
      const firmTwice = await Promise.all([
        at(organiser.accessToken, 'h3', 'c1', 1),
        at(other.accessToken, 'h3', 'c2', 1),
      ]);
      expect(firmTwice.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(firmTwice.find((answer) => answer.status === 409)?.body.code).toBe(
        'board.company_busy',
      );
      // Two meetings moved into one slot of one table at once.
      const moving = await Promise.all([
        at(organiser.accessToken, 'h2', 'c3', 3, 1),
        at(organiser.accessToken, 'h1', 'c2', 2, 1),
      ]);
      expect(moving.map((answer) => answer.status)).toEqual([201, 201]);
      const [m1, m2] = moving.map((answer) => answer.body.id as string);
      const moved = await Promise.all([
        patch(m1, { slotIndex: 2 }),
        client.as(other.accessToken).patch(`/api/meetings/${m2}`).send({ slotIndex: 3 }),
        patch(m2, { slotIndex: 3, table: 1 }),
      ]);
      expect(moved.map((answer) => answer.status).filter((status) => status >= 500)).toEqual([]);
      const rows = await db().query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM meeting_attendance WHERE session_id = $1
          GROUP BY slot_index, company_id HAVING count(*) > 1`,
        [race],
      );
      expect(rows).toEqual([]);
      const tables = await db().query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM meetings WHERE session_id = $1 AND status <> 'cancelled'
          GROUP BY slot_index, table_number HAVING count(*) > 1`,
        [race],
      );
      expect(tables).toEqual([]);
    });
  });
});
