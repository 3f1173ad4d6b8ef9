import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { followUpExpiry, signFollowUpKey } from '../src/follow-ups/follow-up-key';
import { FollowUpSender } from '../src/follow-ups/follow-up-sender.service';
import type { WireFollowUp, WireSessionFollowUps } from '../src/follow-ups/follow-ups.wire';
import { JOBS, QUEUES } from '../src/jobs/queues';
import { linkIn } from './support/account-mail';
import { eventually, startWorker, testConfig } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { TestSmtp } from './support/smtp';

const APP_URL = 'http://trade-match.test:8080';
const DAY_MS = 24 * 3600_000;

interface SurveyRow {
  id: string;
  company_id: string;
  months: number;
  due_ok: boolean;
  sent_at: Date | null;
}

/**
 * Follow-ups over months (issue 18 point 4, SPEC "Programme"): surveys planned when a session
 * closes, for the firms that held meetings only, at the organiser's months; withdrawn when the
 * close is taken back and planned again when the months change; sent once by the real worker job
 * through a real SMTP server, whose link is then used; the signed key tampered with or expired;
 * answers checked, written together or not at all, and kept as history.
 */
describe('follow-ups over months', () => {
  const smtp = new TestSmtp();
  const client = useApi({ APP_URL });
  const db = () => client.app.get(DataSource);
  let organiser: Account;
  let hk: Account;
  let hkColleague: Account;
  let ca: Account;
  let fr: Account;
  let de: Account;
  let h: string;
  let c: string;
  let f: string;
  let d: string;
  let sessionId: string;
  /** hk–ca held, hk–fr held, ca–fr held, hk–de cancelled. */
  let meetings: { hkCa: string; hkFr: string; caFr: string; hkDe: string };
  let worker: INestApplicationContext;
  let key: string;

  const org = () => client.as(organiser.accessToken);
  /** The follow-up emails to an address (its firm's verification came by email too). */
  const surveyMails = (address: string) =>
    smtp.to(address).filter((mail) => /What came of the meetings/.test(mail.subject ?? ''));
  const surveyMailsAtLeast = (address: string, count: number) =>
    eventually(() => {
      const mails = surveyMails(address);
      return Promise.resolve(mails.length >= count ? mails : undefined);
    }, 15_000);
  const surveys = () =>
    db().query<SurveyRow[]>(
      `SELECT f.id, f.company_id, f.months, f.sent_at,
              f.due_at = s.status_changed_at + make_interval(months => f.months) AS due_ok
         FROM follow_up_surveys f JOIN sessions s ON s.id = f.session_id
        WHERE f.session_id = $1 ORDER BY f.company_id, f.months`,
      [sessionId],
    );
  const held = async (a: string, b: string, slot: number, status = 'held') => {
    const [first, second] = [a, b].sort();
    const [row] = await db().query<{ id: string }[]>(
      `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
       VALUES ($1, $2, $3, $4, $5, 'score') RETURNING id`,
      [sessionId, slot, first, second, status],
    );
    return row.id;
  };

  beforeAll(async () => {
    await smtp.start();
    [organiser, hk, hkColleague, ca, fr, de] = await Promise.all([
      client.organiser(),
      client.signUp({ email: `${unique('hk')}@example.org`, name: 'Ada Chan' }),
      client.signUp({ email: `${unique('hk2')}@example.org`, name: 'Ben Wong' }),
      client.signUp({ email: `${unique('ca')}@example.org`, name: 'Marie Tremblay' }),
      client.signUp({ email: `${unique('fr')}@example.org`, name: 'Luc Martin' }),
      client.signUp({ email: `${unique('de')}@example.org`, name: 'Jonas Weber' }),
    ]);
    const o = organiser.accessToken;
    h = (await client.verifiedCompany(hk.accessToken, o, { name: unique('Harbour Pay') })).id;
    const away = (country: string, timezone: string, name: string) => ({
      name: unique(name),
      country,
      city: 'Elsewhere',
      timezone,
    });
    c = (await client.verifiedCompany(ca.accessToken, o, away('CA', 'America/Toronto', 'Maple')))
      .id;
    f = (await client.verifiedCompany(fr.accessToken, o, away('FR', 'Europe/Paris', 'Carte'))).id;
    d = (await client.verifiedCompany(de.accessToken, o, away('DE', 'Europe/Berlin', 'Rhein'))).id;
    // The colleague joins Harbour Pay's team and reads follow-ups in the app only.
    await db().query(
      `INSERT INTO company_members (company_id, user_id, role) VALUES ($1, $2, 'member')`,
      [h, hkColleague.user.id],
    );
    await client
      .as(hkColleague.accessToken)
      .patch('/api/users/me/settings')
      .send({ notifications: { 'followup.survey': 'in-app' } })
      .expect(200);
    sessionId = await client.videoSession(o, Date.UTC(2031, 4, 10, 1), 60, { sides: null });
    meetings = {
      hkCa: await held(h, c, 0),
      hkFr: await held(h, f, 1),
      caFr: await held(c, f, 2),
      hkDe: await held(h, d, 3, 'cancelled'),
    };
    worker = await startWorker({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
  });

  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
  });

  it('takes the months on create and PATCH, 1 to 4 distinct whole months from 1 to 24', async () => {
    const session = await org().get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body.followUpMonths).toEqual([3, 6]);
    const created = await org()
      .post('/api/sessions')
      .send({
        title: unique('Months'),
        mode: 'video',
        timezone: 'Asia/Hong_Kong',
        startsAt: '2031-07-01T01:00:00Z',
        endsAt: '2031-07-01T03:00:00Z',
        slotMinutes: 20,
        maxMeetingsPerCompany: 4,
        requestDeadline: '2031-07-01T00:00:00Z',
        followUpMonths: [12, 1],
      })
      .expect(201);
    expect(created.body.followUpMonths).toEqual([1, 12]);
    for (const bad of [
      null,
      [],
      [0],
      [25],
      [1.5],
      [3, 3],
      [1, 2, 3, 4, 5],
      ['3'],
      '3',
      3,
      { a: 1 },
      [null],
      ['a\u0000b'],
      'x'.repeat(100_000),
    ]) {
      const refused = await org()
        .patch(`/api/sessions/${created.body.id}`)
        .send({ followUpMonths: bad })
        .expect(400);
      // A bad item is named by its place (`followUpMonths[0]`).
      const named = Object.keys(refused.body.fields);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((field) => field.startsWith('followUpMonths'))).toBe(true);
    }
    await client
      .as(hk.accessToken)
      .patch(`/api/sessions/${created.body.id}`)
      .send({ followUpMonths: [2] })
      .expect(403);
  });

  it('plans one survey per firm that held a meeting and per month on close; undo withdraws them', async () => {
    await org()
      .patch(`/api/sessions/${sessionId}`)
      .send({ followUpMonths: [1, 2] })
      .expect(200);
    expect(await surveys()).toEqual([]);
    await org().patch(`/api/sessions/${sessionId}`).send({ status: 'closed' }).expect(200);
    const planned = await surveys();
    // The German firm's only meeting was cancelled: it is asked nothing.
    expect(planned.map((row) => [row.company_id, row.months])).toEqual(
      [h, c, f].sort().flatMap((id) => [
        [id, 1],
        [id, 2],
      ]),
    );
    expect(planned.every((row) => row.due_ok && row.sent_at === null)).toBe(true);

    await org().patch(`/api/sessions/${sessionId}`).send({ status: 'open' }).expect(200);
    expect(await surveys()).toEqual([]);
    await org().patch(`/api/sessions/${sessionId}`).send({ status: 'closed' }).expect(200);
    expect(await surveys()).toHaveLength(6);

    // Other months after the close: the unsent surveys follow them, from the close.
    await org()
      .patch(`/api/sessions/${sessionId}`)
      .send({ followUpMonths: [2, 6] })
      .expect(200);
    const replanned = await surveys();
    expect(replanned.map((row) => row.months)).toEqual([2, 6, 2, 6, 2, 6]);
    expect(replanned.every((row) => row.due_ok)).toBe(true);
  });

  it('sends due surveys through the worker job, once, by email and in the app', async () => {
    await db().query(
      `UPDATE follow_up_surveys SET due_at = now() - interval '1 minute'
        WHERE session_id = $1 AND months = 2`,
      [sessionId],
    );
    const queue = worker.get<Queue>(getQueueToken(QUEUES.followUps));
    await queue.add(JOBS.sendFollowUps, {}, { removeOnComplete: true });
    await eventually(async () => {
      const rows = await surveys();
      return rows.filter((row) => row.months === 2).every((row) => row.sent_at) ? true : undefined;
    }, 20_000);
    expect((await surveys()).filter((row) => row.sent_at).map((row) => row.months)).toEqual([
      2, 2, 2,
    ]);

    const [mail] = await surveyMailsAtLeast(hk.user.email, 1);
    expect(mail.subject).toMatch(/What came of the meetings of/);
    const link = linkIn(mail, `${APP_URL}/follow-up/`);
    key = decodeURIComponent(link.slice(`${APP_URL}/follow-up/`.length));
    expect(mail.text).toContain('2 meetings');

    // The colleague chose the app only: a notification to the same page, and no email.
    const notices = await client.as(hkColleague.accessToken).get('/api/notifications').expect(200);
    const notice = (notices.body.items as { kind: string; link: string }[]).find(
      (item) => item.kind === 'followup.survey',
    );
    expect(notice?.link).toBe(`/follow-up/${key}`);
    expect(surveyMails(hkColleague.user.email)).toHaveLength(0);
    expect(surveyMails(de.user.email)).toHaveLength(0);

    // Nothing more is due: running again sends nothing.
    expect(await worker.get(FollowUpSender).run()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(surveyMails(hk.user.email)).toHaveLength(1);
  });

  it('sends each survey at most once with two senders at the same time', async () => {
    await db().query(
      `UPDATE follow_up_surveys SET due_at = now() - interval '1 minute'
        WHERE session_id = $1 AND months = 6`,
      [sessionId],
    );
    const other = await startWorker({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
    try {
      const counts = await Promise.all([
        worker.get(FollowUpSender).run(),
        other.get(FollowUpSender).run(),
        worker.get(FollowUpSender).run(),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    } finally {
      await other.close();
    }
    await surveyMailsAtLeast(ca.user.email, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(surveyMails(ca.user.email)).toHaveLength(2);
    expect(surveyMails(hk.user.email)).toHaveLength(2);
    const [{ n }] = await db().query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE key LIKE 'followup.%' AND user_id = $1`,
      [fr.user.id],
    );
    expect(n).toBe(2);
  });

  it('shows the firm its held meetings through the emailed link, without signing in', async () => {
    const page = await client.http.get(`/api/follow-ups/${key}`).expect(200);
    const body = page.body as WireFollowUp;
    expect(body.company.id).toBe(h);
    expect(body.months).toBe(2);
    expect(body.session).toMatchObject({ id: sessionId, partner: null });
    expect(body.meetings.map((meeting) => meeting.meetingId)).toEqual([
      meetings.hkCa,
      meetings.hkFr,
    ]);
    expect(body.meetings[0]).toMatchObject({
      otherCompany: { id: c, country: 'CA' },
      feedbackOutcome: null,
      answers: [],
    });
    // 90 days after sending, to the second (the key carries Unix seconds).
    const lasts = Date.parse(body.expiresAt) - Date.parse(body.sentAt!);
    expect(lasts).toBeGreaterThan(90 * DAY_MS - 1000);
    expect(lasts).toBeLessThanOrEqual(90 * DAY_MS);
  });

  it('refuses a tampered key (404) and an expired one (410, ask the organisers)', async () => {
    const [id, expires, signature] = key.split('.');
    const flipped = signature[5] === 'A' ? 'B' : 'A';
    for (const bad of [
      `${id}.${expires}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`,
      `${id}.${Number(expires) + 86400}.${signature}`,
      `${id.replace(/^./, id[0] === 'a' ? 'b' : 'a')}.${expires}.${signature}`,
      'not-a-key',
      `${key}x`,
      'x'.repeat(90),
    ]) {
      const refused = await client.http.get(`/api/follow-ups/${bad}`).expect(404);
      expect(refused.body.code).toBe('follow_up.not_found');
      await client.http
        .post(`/api/follow-ups/${bad}`)
        .send({ answers: [{ meetingId: meetings.hkCa, outcome: 'none' }] })
        .expect(404);
    }
    const [{ id: surveyId }] = await db().query<{ id: string }[]>(
      'SELECT id FROM follow_up_surveys WHERE session_id = $1 AND company_id = $2 AND months = 2',
      [sessionId, h],
    );
    const expired = signFollowUpKey(
      testConfig().jwtSecret,
      surveyId,
      followUpExpiry(new Date(Date.now() - 91 * DAY_MS)),
    );
    const gone = await client.http.get(`/api/follow-ups/${expired}`).expect(410);
    expect(gone.body).toMatchObject({ code: 'follow_up.expired' });
    expect(gone.body.message).toMatch(/ask the organisers/);
    await client.http
      .post(`/api/follow-ups/${expired}`)
      .send({ answers: [{ meetingId: meetings.hkCa, outcome: 'none' }] })
      .expect(410);
  });

  it('refuses another firm’s meeting or one not held, and writes nothing of a refused answer', async () => {
    for (const meetingId of [
      meetings.caFr,
      meetings.hkDe,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const refused = await client.http
        .post(`/api/follow-ups/${key}`)
        .send({
          answers: [
            { meetingId: meetings.hkCa, outcome: 'agreement-signed' },
            { meetingId, outcome: 'none' },
          ],
        })
        .expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['answers[1].meetingId']);
    }
    const twice = await client.http
      .post(`/api/follow-ups/${key}`)
      .send({
        answers: [
          { meetingId: meetings.hkCa, outcome: 'none' },
          { meetingId: meetings.hkCa, outcome: 'follow-up' },
        ],
      })
      .expect(400);
    expect(Object.keys(twice.body.fields)).toEqual(['answers[1].meetingId']);
    const [{ n }] = await db().query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM follow_up_answers WHERE company_id = $1',
      [h],
    );
    expect(n).toBe(0);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const good = { meetingId: meetings.hkCa, outcome: 'follow-up' };
    const cases: [unknown, string][] = [
      [null, 'body'],
      [{}, 'answers'],
      [{ answers: null }, 'answers'],
      [{ answers: 'x' }, 'answers'],
      [{ answers: [] }, 'answers'],
      [{ answers: Array.from({ length: 201 }, () => good) }, 'answers'],
      [{ answers: [null] }, 'answers'],
      [{ answers: [{ ...good, meetingId: 'x' }] }, 'answers[0].meetingId'],
      [{ answers: [{ ...good, meetingId: 12 }] }, 'answers[0].meetingId'],
      [{ answers: [{ ...good, outcome: 'great' }] }, 'answers[0].outcome'],
      [{ answers: [{ ...good, outcome: null }] }, 'answers[0].outcome'],
      [{ answers: [{ ...good, outcome: ['none'] }] }, 'answers[0].outcome'],
      [{ answers: [{ ...good, valueBand: 5 }] }, 'answers[0].valueBand'],
      [{ answers: [{ ...good, valueBand: 'lots' }] }, 'answers[0].valueBand'],
      [{ answers: [{ ...good, note: 42 }] }, 'answers[0].note'],
      [{ answers: [{ ...good, note: 'a\u0000b' }] }, 'answers[0].note'],
      [{ answers: [{ ...good, note: 'a\ud800b' }] }, 'answers[0].note'],
      [{ answers: [{ ...good, note: 'x'.repeat(100_000) }] }, 'answers[0].note'],
      [{ answers: [{ ...good, extra: 1 }] }, 'answers[0].extra'],
    ];
    for (const [body, field] of cases) {
      const refused = await client.http
        .post(`/api/follow-ups/${key}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
      expect(Object.keys(refused.body.fields)).toContain(field);
    }
  });

  it('keeps every answer: a second POST adds to the history, the newest is current', async () => {
    const first = await client.http
      .post(`/api/follow-ups/${key}`)
      .send({
        answers: [
          { meetingId: meetings.hkCa, outcome: 'follow-up' },
          { meetingId: meetings.hkFr, outcome: 'none', note: '  Not our market  ' },
        ],
      })
      .expect(200);
    expect(first.body.saved).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await client.http
      .post(`/api/follow-ups/${key}`)
      .send({
        answers: [
          {
            meetingId: meetings.hkCa,
            outcome: 'agreement-signed',
            valueBand: '100k-1m',
            note: 'Distribution agreement for Ontario',
          },
        ],
      })
      .expect(200);
    const page = second.body.followUp as WireFollowUp;
    const [withCa, withFr] = page.meetings;
    expect(withCa.answers.map((answer) => [answer.outcome, answer.valueBand])).toEqual([
      ['agreement-signed', '100k-1m'],
      ['follow-up', null],
    ]);
    expect(Date.parse(withCa.answers[0].answeredAt)).toBeGreaterThan(
      Date.parse(withCa.answers[1].answeredAt),
    );
    expect(withFr.answers).toEqual([
      expect.objectContaining({ outcome: 'none', note: 'Not our market' }),
    ]);
    const again = await client.http.get(`/api/follow-ups/${key}`).expect(200);
    expect(again.body).toEqual(page);

    // Organisers see what was sent and answered, and the current outcomes; firms may not.
    const status = (await org().get(`/api/sessions/${sessionId}/follow-ups`).expect(200))
      .body as WireSessionFollowUps;
    expect(status.followUpMonths).toEqual([2, 6]);
    expect(status.surveys).toHaveLength(6);
    expect(status.surveys.filter((survey) => survey.answeredAt)).toHaveLength(1);
    expect(status.latest).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          meetingId: meetings.hkCa,
          companyId: h,
          outcome: 'agreement-signed',
        }),
      ]),
    );
    await client.as(hk.accessToken).get(`/api/sessions/${sessionId}/follow-ups`).expect(403);
    await client.http.get(`/api/sessions/${sessionId}/follow-ups`).expect(401);
  });

  it('keeps sent surveys when the months change again, and plans the new ones', async () => {
    await org()
      .patch(`/api/sessions/${sessionId}`)
      .send({ followUpMonths: [12] })
      .expect(200);
    const rows = await surveys();
    expect(rows.map((row) => [row.months, row.sent_at !== null])).toEqual(
      [h, c, f].flatMap(() => [
        [2, true],
        [6, true],
        [12, false],
      ]),
    );
  });
});
