import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { startWorker, testConfig } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { atSlot } from './support/session-clock';

const START = Date.UTC(2034, 2, 6, 1, 0); // 09:00 in Hong Kong
const SLOT = 10 * 60_000;

interface MeetingView {
  id: string;
  slotIndex: number;
  startsAt: string;
  companyIds: string[];
  status: string;
  origin: string;
}

/**
 * What a meeting and a request are taken to be (issue 15, item 4), and what is exported of them
 * (item 8): held, no-show and feedback only once a meeting has begun; two firms that asked each
 * other are mutual, accepted or not; a scheduled pair takes no answer; the meetings' CSV; the
 * calendar's link to the live room.
 */
describe('meeting truth and the meetings export', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let db: DataSource;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let sessionId: string;
  const firm: Record<string, { id: string; name: string }> = {};
  let meetings: MeetingView[];
  const requestIds: Record<string, string> = {};

  const pair = (x: string, y: string) => [firm[x].id, firm[y].id].sort().join('|');
  const meetingOf = (x: string, y: string) =>
    meetings.find((meeting) => [...meeting.companyIds].sort().join('|') === pair(x, y))!;
  const tokenOf = (name: string) => (name.startsWith('h') ? hk : ca).accessToken;
  const org = () => client.as(organiser.accessToken);

  async function ask(from: string, to: string): Promise<string> {
    const response = await client
      .as(tokenOf(from))
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: firm[from].id, toCompanyId: firm[to].id })
      .expect(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    worker = await startWorker();
    db = client.app.get(DataSource);
    [organiser, hk, ca] = await Promise.all([client.organiser(), client.signUp(), client.signUp()]);
    sessionId = await client.videoSession(organiser.accessToken, START, 40);
    const canada = { country: 'CA', city: 'Toronto', timezone: 'America/Toronto' };
    for (const name of ['h1', 'h2', 'h3'])
      firm[name] = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
        name: unique(`HK ${name}`),
      });
    // A name a spreadsheet would take for a formula: the CSV writes it as text.
    firm.c1 = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
      ...canada,
      name: unique('@Maple c1'),
    });
    for (const name of ['c2', 'c3'])
      firm[name] = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
        ...canada,
        name: unique(`CA ${name}`),
      });
    for (const name of Object.keys(firm))
      await client.join(tokenOf(name), sessionId, firm[name].id);
    // h1 and c1 asked each other; neither pressed accept. h2 asked c2 and was accepted. h3
    // asked c3, still pending.
    requestIds.h1c1 = await ask('h1', 'c1');
    requestIds.c1h1 = await ask('c1', 'h1');
    requestIds.h2c2 = await ask('h2', 'c2');
    await client
      .as(ca.accessToken)
      .patch(`/api/sessions/${sessionId}/requests/${requestIds.h2c2}`)
      .send({ status: 'accepted' })
      .expect(200);
    requestIds.h3c3 = await ask('h3', 'c3');
    await client.runSchedule(organiser.accessToken, sessionId);
    meetings = (await org().get(`/api/sessions/${sessionId}/schedule`).expect(200)).body.meetings;
  }, 120_000);

  afterAll(() => worker.close());

  it('counts two firms that asked each other as mutual, whether or not either accepted', async () => {
    const schedule = (await org().get(`/api/sessions/${sessionId}/schedule`).expect(200)).body;
    expect(schedule.report).toMatchObject({
      requested: { mutual: 1, accepted: 1, pending: 1 },
      placed: { mutual: 1, accepted: 1, pending: 1 },
    });
    expect(meetingOf('h1', 'c1').origin).toBe('mutual');
    expect(meetingOf('h2', 'c2').origin).toBe('accepted');
    // The session's report counts the mutual pair with the accepted one.
    const report = await org().get(`/api/sessions/${sessionId}/report`).expect(200);
    expect(report.body.acceptedRequests).toEqual({ pairs: 2, placed: 2, share: 1 });
  });

  it('takes no answer to a request whose pair has a meeting, and says so in the request', async () => {
    const received = await client
      .as(ca.accessToken)
      .get(`/api/sessions/${sessionId}/requests?companyId=${firm.c1.id}`)
      .expect(200);
    expect(received.body.received).toEqual([
      expect.objectContaining({ id: requestIds.h1c1, mutual: true, scheduled: true }),
    ]);
    for (const status of ['accepted', 'declined']) {
      const refused = await client
        .as(ca.accessToken)
        .patch(`/api/sessions/${sessionId}/requests/${requestIds.h1c1}`)
        .send({ status })
        .expect(409);
      expect(refused.body.code).toBe('request.meeting_scheduled');
    }
    const [row] = await db.query<{ status: string }[]>(
      'SELECT status FROM meeting_requests WHERE id = $1',
      [requestIds.h1c1],
    );
    expect(row.status).toBe('pending');
  });

  it('marks a meeting held or a no-show, and takes feedback, only once it has begun', async () => {
    const meeting = meetingOf('h2', 'c2');
    const url = `/api/meetings/${meeting.id}`;
    for (const status of ['held', 'no-show']) {
      const early = await org().patch(url).send({ status }).expect(409);
      expect(early.body.code).toBe('meeting.not_begun');
    }
    const earlyFeedback = await client
      .as(hk.accessToken)
      .post(`${url}/feedback`)
      .send({ companyId: firm.h2.id, rating: 5, outcome: 'follow-up' })
      .expect(409);
    expect(earlyFeedback.body.code).toBe('meeting.not_begun');
    const stored = async () =>
      (
        await db.query<{ status: string; feedback: number }[]>(
          `SELECT status::text, (SELECT count(*)::int FROM meeting_feedback WHERE meeting_id = $1) AS feedback
             FROM meetings WHERE id = $1`,
          [meeting.id],
        )
      )[0];
    expect(await stored()).toEqual({ status: 'scheduled', feedback: 0 });

    await atSlot(db, sessionId, meeting.startsAt, async () => {
      await org().patch(url).send({ status: 'held' }).expect(200);
      await client
        .as(hk.accessToken)
        .post(`${url}/feedback`)
        .send({ companyId: firm.h2.id, rating: 5, outcome: 'follow-up', comment: '=1+1 deal' })
        .expect(201);
      const cancel = await client
        .as(ca.accessToken)
        .patch(url)
        .send({ status: 'cancelled' })
        .expect(409);
      expect(cancel.body.code).toBe('meeting.already_held');
    });
    expect(await stored()).toEqual({ status: 'held', feedback: 1 });

    // Feedback on a meeting that has begun and nobody marked: it took place, the report says held.
    const mutual = meetingOf('h1', 'c1');
    await atSlot(db, sessionId, mutual.startsAt, () =>
      client
        .as(ca.accessToken)
        .post(`/api/meetings/${mutual.id}/feedback`)
        .send({ companyId: firm.c1.id, rating: 3, outcome: 'negotiating' })
        .expect(201),
    );
    const report = await org().get(`/api/sessions/${sessionId}/report`).expect(200);
    expect(report.body.totals).toMatchObject({ held: 2, feedback: 2, averageRating: 4 });
  });

  it('exports a row per meeting: the slot in the session zone, both firms, status, ratings', async () => {
    await org()
      .patch(`/api/meetings/${meetingOf('h3', 'c3').id}`)
      .send({ status: 'cancelled' });
    const response = await org().get(`/api/sessions/${sessionId}/meetings.csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain(`session-${sessionId}-meetings.csv`);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(response.text, { bom: true, columns: true });
    expect(rows).toHaveLength(meetings.length);
    // Names as written, without the apostrophe that neutralises a formula-like one.
    const plain = (name: string) => name.replace(/^'/, '');
    const rowOf = (x: string, y: string) =>
      rows.find(
        (row) =>
          [plain(row.firmA), plain(row.firmB)].sort().join('|') ===
          [firm[x].name, firm[y].name].sort().join('|'),
      )!;
    const held = rowOf('h2', 'c2');
    const slot = meetingOf('h2', 'c2').slotIndex;
    const hkStart = new Date(START + slot * SLOT + 8 * 3_600_000).toISOString();
    const hkEnd = new Date(START + (slot + 1) * SLOT + 8 * 3_600_000).toISOString();
    const sideOfH2 = held.firmA === firm.h2.name ? 'A' : 'B';
    const sideOfC2 = sideOfH2 === 'A' ? 'B' : 'A';
    expect(held).toMatchObject({
      date: hkStart.slice(0, 10),
      start: hkStart.slice(11, 16),
      end: hkEnd.slice(11, 16),
      timezone: 'Asia/Hong_Kong',
      slot: String(slot + 1),
      status: 'held',
      [`country${sideOfH2}`]: 'HK',
      [`country${sideOfC2}`]: 'CA',
      [`rating${sideOfH2}`]: '5',
      [`outcome${sideOfH2}`]: 'follow-up',
      // A cell beginning with "=" is written with a leading apostrophe.
      [`comment${sideOfH2}`]: "'=1+1 deal",
      [`rating${sideOfC2}`]: '',
    });
    const mutual = rowOf('h1', 'c1');
    expect(mutual.status).toBe('scheduled');
    expect([mutual.firmA, mutual.firmB]).toContain(`'${firm.c1.name}`);
    expect(rowOf('h3', 'c3').status).toBe('cancelled');
    await client.as(hk.accessToken).get(`/api/sessions/${sessionId}/meetings.csv`).expect(403);
    await org().get('/api/sessions/6a1f2a0e-0000-4000-8000-000000000000/meetings.csv').expect(404);
  });

  it('links each calendar event to the live room', async () => {
    const ics = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda.ics?companyId=${firm.h2.id}`)
      .expect(200);
    const room = `${testConfig().appUrl}/sessions/${sessionId}/live`;
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.getFirstPropertyValue('location')).toBe(room);
      expect(event.getFirstPropertyValue('url')).toBe(room);
    }
    expect(ics.text).not.toContain('Video room');
  });
});
