import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { unique, useApi, type Account } from './support/client';

interface Row {
  partner: { id: string; country: string; name: string };
  year: number;
  activities: { sessions: number; delegations: number; seminars: number };
  firms: number;
  meetingsHeld: number;
  averageRating: number | null;
  feedbackCount: number;
  surveysSent: number;
  surveysAnswered: number;
  outcomes: { followUp: number; negotiating: number; agreementSigned: number };
  agreementsSigned: number;
  valueBands: Record<string, number>;
}

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * The programme report (issue 18, item 5) against a fixture counted by hand: two partner
 * economies, activities in 2031 and 2032, firms in several of them, meetings held, cancelled and
 * in a draft, feedback, follow-up answers that changed their mind, and agreements near expiry.
 */
describe('the programme report', () => {
  const client = useApi();
  let db: DataSource;
  let organiser: Account;
  let firmUser: Account;
  let otherUser: Account;
  const firm: Record<string, string> = {};
  const partner: Record<'maple' | 'gallic', string> = { maple: '', gallic: '' };
  const agreement: Record<string, string> = {};
  const org = () => client.as(organiser.accessToken);

  async function newPartner(name: string): Promise<string> {
    // Country is unique: pick an unused pair of letters (user-assigned range, X*/Q*).
    for (;;) {
      const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const code =
        'XQ'[Math.floor(Math.random() * 2)] + letters[Math.floor(Math.random() * letters.length)];
      const rows = await db.query<{ id: string }[]>(
        `INSERT INTO partners (country, name) VALUES ($1, $2) ON CONFLICT (country) DO NOTHING RETURNING id`,
        [code, unique(name)],
      );
      if (rows.length === 1) return rows[0].id;
    }
  }

  async function session(partnerId: string, startsAt: number, status = 'closed'): Promise<string> {
    const id = await client.videoSession(organiser.accessToken, startsAt, 60);
    await db.query(`UPDATE sessions SET partner_id = $2, status = $3 WHERE id = $1`, [
      id,
      partnerId,
      status,
    ]);
    return id;
  }

  async function meeting(sessionId: string, slot: number, x: string, y: string, status: string) {
    const [a, b] = [firm[x], firm[y]].sort();
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
       VALUES ($1, $2, $3, $4, $5, 'score') RETURNING id`,
      [sessionId, slot, a, b, status],
    );
    return row.id;
  }

  const feedback = (meetingId: string, by: string, rating: number, outcome: string, at: string) =>
    db.query(
      `INSERT INTO meeting_feedback (meeting_id, company_id, rating, outcome, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [meetingId, firm[by], rating, outcome, at],
    );

  async function survey(sessionId: string, by: string, months: number, sent: boolean) {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO follow_up_surveys (session_id, company_id, months, due_at, sent_at)
       VALUES ($1, $2, $3, '2032-01-01T00:00:00Z', $4) RETURNING id`,
      [sessionId, firm[by], months, sent ? '2032-01-02T00:00:00Z' : null],
    );
    return row.id;
  }

  const answer = (
    surveyId: string,
    meetingId: string,
    by: string,
    outcome: string,
    at: string,
    valueBand: string | null = null,
  ) =>
    db.query(
      `INSERT INTO follow_up_answers (survey_id, meeting_id, company_id, outcome, value_band, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [surveyId, meetingId, firm[by], outcome, valueBand, at],
    );

  async function delegation(partnerId: string, startsOn: string): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO delegations (title, direction, origin_country, destination_country, city, leader,
              starts_on, ends_on, timezone, capacity, partner_id)
       VALUES ($1, 'inbound', 'CA', 'HK', 'Hong Kong', 'A minister', $2, $2, 'Asia/Hong_Kong', 20, $3)
       RETURNING id`,
      [unique('Delegation'), startsOn, partnerId],
    );
    return row.id;
  }

  async function seminar(partnerId: string, startsAt: string): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO seminars (title, kind, starts_at, ends_at, timezone, capacity, partner_id)
       VALUES ($1, 'seminar', $2, $2::timestamptz + interval '2 hours', 'Asia/Hong_Kong', 50, $3)
       RETURNING id`,
      [unique('Seminar'), startsAt, partnerId],
    );
    return row.id;
  }

  const register = (seminarId: string, by: string, user: Account, status: string) =>
    db.query(
      `INSERT INTO seminar_registrations (seminar_id, company_id, user_id, status) VALUES ($1, $2, $3, $4)`,
      [seminarId, firm[by], user.user.id, status],
    );

  const addAgreement = (
    partnerId: string,
    title: string,
    status: string,
    signedOn: string,
    expiresOn: string,
  ) =>
    db
      .query<{ id: string }[]>(
        `INSERT INTO agreements (partner_id, title, status, signed_on, expires_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [partnerId, title, status, signedOn, expiresOn],
      )
      .then(([row]) => row.id);

  beforeAll(async () => {
    db = client.app.get(DataSource);
    [organiser, firmUser, otherUser] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
    ]);
    for (const name of ['f1', 'f2', 'f3', 'f4', 'f5'])
      firm[name] = (
        await client.company(firmUser.accessToken, { name: unique(`Firm ${name}`) })
      ).id;
    partner.maple = await newPartner('Maple economy');
    partner.gallic = await newPartner('Gallic economy');

    // Maple, 2031: session S1 (closed) with f1, f2, f3.
    const s1 = await session(partner.maple, Date.UTC(2031, 5, 1, 1, 0));
    for (const name of ['f1', 'f2', 'f3'])
      await db.query(`INSERT INTO session_participants (session_id, company_id) VALUES ($1, $2)`, [
        s1,
        firm[name],
      ]);
    const m1 = await meeting(s1, 0, 'f1', 'f2', 'held');
    const m2 = await meeting(s1, 1, 'f1', 'f3', 'held');
    const m3 = await meeting(s1, 2, 'f2', 'f3', 'held');
    await meeting(s1, 3, 'f1', 'f2', 'cancelled');
    await feedback(m1, 'f1', 5, 'follow-up', '2031-06-01T02:00:00Z');
    await feedback(m1, 'f2', 4, 'negotiating', '2031-06-01T03:00:00Z');
    await feedback(m2, 'f3', 3, 'follow-up', '2031-06-01T02:00:00Z');
    await feedback(m3, 'f2', 2, 'follow-up', '2031-06-01T02:00:00Z');
    const f1At3 = await survey(s1, 'f1', 3, true);
    const f2At3 = await survey(s1, 'f2', 3, true);
    await survey(s1, 'f3', 3, true);
    const f1At6 = await survey(s1, 'f1', 6, true);
    await survey(s1, 'f2', 6, false);
    await answer(f1At3, m1, 'f1', 'negotiating', '2031-09-01T00:00:00Z');
    await answer(f2At3, m1, 'f2', 'agreement-signed', '2031-09-05T00:00:00Z', '100k-1m');
    await answer(f1At3, m2, 'f1', 'agreement-signed', '2031-09-01T00:00:00Z', '1m-10m');
    await answer(f1At6, m2, 'f1', 'negotiating', '2031-12-01T00:00:00Z');

    // Maple, 2031: delegation D1; f1 and f4 accepted, f5 still pending.
    const d1 = await delegation(partner.maple, '2031-03-01');
    for (const [name, status] of [
      ['f1', 'accepted'],
      ['f4', 'accepted'],
      ['f5', 'pending'],
    ])
      await db.query(
        `INSERT INTO delegation_applications (delegation_id, company_id, status) VALUES ($1, $2, $3)`,
        [d1, firm[name], status],
      );

    // Maple: a seminar at 20:00 UTC on 31 December 2031 (already 2032 in Hong Kong) is of 2031.
    const sm1 = await seminar(partner.maple, '2031-12-31T20:00:00Z');
    await register(sm1, 'f4', firmUser, 'registered');
    await register(sm1, 'f5', otherUser, 'withdrawn');

    // Maple, 2032: a seminar with f1 and f2, and a session still in draft (not an activity).
    const sm2 = await seminar(partner.maple, '2032-06-01T02:00:00Z');
    await register(sm2, 'f1', firmUser, 'registered');
    await register(sm2, 'f2', otherUser, 'registered');
    const draft = await session(partner.maple, Date.UTC(2032, 2, 1, 1, 0), 'draft');
    await db.query(`INSERT INTO session_participants (session_id, company_id) VALUES ($1, $2)`, [
      draft,
      firm.f5,
    ]);

    // Gallic, 2031: session S3 with f1 and f5, one meeting held without feedback.
    const s3 = await session(partner.gallic, Date.UTC(2031, 8, 1, 1, 0));
    for (const name of ['f1', 'f5'])
      await db.query(`INSERT INTO session_participants (session_id, company_id) VALUES ($1, $2)`, [
        s3,
        firm[name],
      ]);
    await meeting(s3, 0, 'f1', 'f5', 'held');

    agreement.due = await addAgreement(partner.maple, 'MOU 2', 'active', '2022-01-01', dateIn(90));
    agreement.stored = await addAgreement(
      partner.maple,
      'MOU 1',
      'renewed',
      '1998-05-01',
      '2003-05-01',
    );
    agreement.far = await addAgreement(
      partner.gallic,
      'Accord',
      'active',
      '2024-01-01',
      dateIn(400),
    );
    agreement.lapsed = await addAgreement(
      partner.gallic,
      'Old accord',
      'active',
      '2020-01-01',
      dateIn(-1),
    );
  });

  /*
   * Maple in 2031, by hand:
   * - activities: S1 (session), D1 (delegation), SM1 (seminar, 20:00 UTC on 31 Dec is 2031) = 1/1/1.
   * - firms: S1 has f1, f2, f3; D1 accepted f1 (already counted) and f4, f5 is pending (not);
   *   SM1 has f4 registered (already counted), f5 withdrawn (not) => 4.
   * - meetings held: m1, m2, m3; the cancelled f1–f2 meeting is not held => 3.
   * - feedback: m1 twice (5, 4), m2 once (3), m3 once (2) => 4, average 14 / 4 = 3.5.
   * - surveys: f1 at 3 and 6 months, f2 and f3 at 3 were sent, f2 at 6 was not => 4 sent;
   *   answered: f1 at 3, f2 at 3, f1 at 6 => 3 (f3 never answered).
   * - current outcomes: m1's newest answer is f2's agreement-signed (5 Sep, after f1's negotiating
   *   on 1 Sep) with 100k-1m; m2 was agreement-signed on 1 Sep but f1's later answer (1 Dec) says
   *   negotiating, so it counts as negotiating (its 1m-10m band is not counted); m3 has no answer,
   *   its newest feedback says follow-up => follow-up 1, negotiating 1, agreement signed 1.
   */
  const maple2031 = {
    year: 2031,
    activities: { sessions: 1, delegations: 1, seminars: 1 },
    firms: 4,
    meetingsHeld: 3,
    averageRating: 3.5,
    feedbackCount: 4,
    surveysSent: 4,
    surveysAnswered: 3,
    outcomes: { followUp: 1, negotiating: 1, agreementSigned: 1 },
    agreementsSigned: 1,
    valueBands: { 'under-100k': 0, '100k-1m': 1, '1m-10m': 0, 'over-10m': 0 },
  };
  /* Maple in 2032: SM2 with f1 and f2; the draft session is no activity, its f5 not a firm. */
  const maple2032 = {
    year: 2032,
    activities: { sessions: 0, delegations: 0, seminars: 1 },
    firms: 2,
    meetingsHeld: 0,
    averageRating: null,
    feedbackCount: 0,
    surveysSent: 0,
    surveysAnswered: 0,
    outcomes: { followUp: 0, negotiating: 0, agreementSigned: 0 },
    agreementsSigned: 0,
    valueBands: { 'under-100k': 0, '100k-1m': 0, '1m-10m': 0, 'over-10m': 0 },
  };
  /* Gallic in 2031: S3 with f1 and f5, one meeting held with no feedback: no rating (null). */
  const gallic2031 = {
    ...maple2032,
    year: 2031,
    activities: { sessions: 1, delegations: 0, seminars: 0 },
    firms: 2,
    meetingsHeld: 1,
  };

  it('counts one partner and year as counted by hand', async () => {
    const response = await org()
      .get(`/api/programme/report?year=2031&partnerId=${partner.maple}`)
      .expect(200);
    expect(response.body.year).toBe(2031);
    expect(response.body.partnerId).toBe(partner.maple);
    expect(response.body.rows).toHaveLength(1);
    const [row] = response.body.rows as Row[];
    expect(row.partner.id).toBe(partner.maple);
    expect(row).toMatchObject(maple2031);
    // One partner, one year: the totals are that row's figures.
    expect(response.body.totals).toEqual(
      Object.fromEntries(
        Object.entries(row).filter(([key]) => key !== 'partner' && key !== 'year'),
      ),
    );
  });

  it('gives a partner every year with activity, trends across years, and firms once in totals', async () => {
    const response = await org()
      .get(`/api/programme/report?partnerId=${partner.maple}`)
      .expect(200);
    expect(response.body.year).toBeNull();
    const rows = response.body.rows as Row[];
    expect(rows.map((row) => row.year)).toEqual([2031, 2032]);
    expect(rows[0]).toMatchObject(maple2031);
    expect(rows[1]).toMatchObject(maple2032);
    expect(response.body.trends).toEqual([maple2031, maple2032]);
    // f1 and f2 of 2032 already took part in 2031: 4 firms over both years, not 6.
    expect(response.body.totals.firms).toBe(4);
    expect(response.body.totals.activities).toEqual({ sessions: 1, delegations: 1, seminars: 2 });
  });

  it('gives every partner a row in a year, zeros included, and counts firms once across partners', async () => {
    const response = await org().get('/api/programme/report?year=2031').expect(200);
    const rows = response.body.rows as Row[];
    expect(rows.find((row) => row.partner.id === partner.maple)).toMatchObject(maple2031);
    expect(rows.find((row) => row.partner.id === partner.gallic)).toMatchObject(gallic2031);
    expect(rows.every((row) => row.year === 2031)).toBe(true);

    const empty = await org()
      .get(`/api/programme/report?year=2030&partnerId=${partner.maple}`)
      .expect(200);
    expect(empty.body.rows).toHaveLength(1);
    expect(empty.body.rows[0]).toMatchObject({
      ...maple2032,
      year: 2030,
      firms: 0,
      activities: { sessions: 0, delegations: 0, seminars: 0 },
    });
    expect(empty.body.totals.averageRating).toBeNull();
  });

  it("lists each partner's agreements with the status they have today", async () => {
    const maple = await org().get(`/api/programme/report?partnerId=${partner.maple}`).expect(200);
    const byId = (body: { agreements: { id: string }[] }) =>
      Object.fromEntries(body.agreements.map((item) => [item.id, item]));
    // Stored active, expiring in 90 days (within 180): due for renewal. A renewed one stays renewed.
    expect(byId(maple.body)[agreement.due]).toMatchObject({
      partnerId: partner.maple,
      title: 'MOU 2',
      status: 'active',
      effectiveStatus: 'renewal-due',
      expiresOn: dateIn(90),
    });
    expect(byId(maple.body)[agreement.stored]).toMatchObject({
      status: 'renewed',
      effectiveStatus: 'renewed',
      signedOn: '1998-05-01',
    });
    expect(maple.body.agreements).toHaveLength(2);
    const gallic = await org().get(`/api/programme/report?partnerId=${partner.gallic}`).expect(200);
    expect(byId(gallic.body)[agreement.far]).toMatchObject({ effectiveStatus: 'active' });
    expect(byId(gallic.body)[agreement.lapsed]).toMatchObject({ effectiveStatus: 'expired' });
  });

  it('exports the rows and the totals as CSV', async () => {
    const response = await org()
      .get(`/api/programme/report?partnerId=${partner.maple}&format=csv`)
      .expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('programme-report-all-years.csv');
    const records = parse<Record<string, string>>(response.text, { columns: true, bom: true });
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      year: '2031',
      sessions: '1',
      delegations: '1',
      seminars: '1',
      firms: '4',
      meetingsHeld: '3',
      averageRating: '3.5',
      feedbackCount: '4',
      surveysSent: '4',
      surveysAnswered: '3',
      followUp: '1',
      negotiating: '1',
      agreementsSigned: '1',
      'signed-100k-1m': '1',
    });
    expect(records[0].partner).toMatch(/^Maple economy/);
    expect(records[1]).toMatchObject({
      year: '2032',
      seminars: '1',
      firms: '2',
      averageRating: '',
    });
    expect(records[2]).toMatchObject({ country: 'all', year: 'all', firms: '4', seminars: '2' });
  });

  it('is for organisers only', async () => {
    const firmAnswer = await client.as(firmUser.accessToken).get('/api/programme/report');
    expect(firmAnswer.status).toBe(403);
    const csv = await client.as(firmUser.accessToken).get('/api/programme/report?format=csv');
    expect(csv.status).toBe(403);
    await client.http.get('/api/programme/report').expect(401);
  });

  it.each([
    ['year', 'year=abc'],
    ['year', 'year=1989'],
    ['year', 'year=2101'],
    ['year', 'year=2031.5'],
    ['year', 'year='],
    ['year', 'year=null'],
    ['year', 'year=2031&year=2032'],
    ['year', `year=${encodeURIComponent("2031'; DROP TABLE partners; --")}`],
    ['year', 'year=%00'],
    ['partnerId', 'partnerId=not-a-uuid'],
    ['partnerId', 'partnerId=null'],
    ['partnerId', `partnerId=${encodeURIComponent('<script>alert(1)</script>')}`],
    ['partnerId', `partnerId=${'a'.repeat(5000)}`],
    ['partnerId', `partnerId=${randomUUID()}`],
    ['format', 'format=xml'],
  ])('answers a bad %s (case %#) with a 400 naming it', async (field, query) => {
    const response = await org().get(`/api/programme/report?${query}`);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual([field]);
  });
});
