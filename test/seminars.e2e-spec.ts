import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invitationLink } from './support/account-mail';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, listen, LiveClients, settle } from './support/live';
import { TestSmtp } from './support/smtp';
import { SEMINAR_REMINDER_MINUTES } from '../src/seminars/seminar-reminders.service';

const APP_URL = 'https://trade-match.example.org';
const HOUR = 3_600_000;

/** A seminar a week ahead in Hong Kong; override what the test is about. */
function seminarInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const startsAt = Date.now() + 7 * 24 * HOUR;
  return {
    title: unique('Smart cards and e-payment'),
    kind: 'seminar',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
    timezone: 'Asia/Hong_Kong',
    venue: 'HKCEC Room S421',
    videoUrl: 'https://meet.example.org/smart-cards',
    capacity: 2,
    description: 'French and Hong Kong firms on smart cards.',
    ...overrides,
  };
}

describe('seminars', () => {
  const smtp = new TestSmtp();
  const client = useApi({ APP_URL });
  let organiser: Account;
  let stranger: Account;
  const as = (account: { accessToken: string }) => client.as(account.accessToken);

  interface Firm {
    id: string;
    token: string;
  }
  let a: Firm;
  let b: Firm;
  let c: Firm;

  beforeAll(async () => {
    [organiser, stranger] = await Promise.all([client.organiser(), client.signUp()]);
    [a, b, c] = await Promise.all([
      client.verifiedFirm(organiser.accessToken, { name: unique('Harbour Pay') }),
      client.verifiedFirm(organiser.accessToken, { name: unique('Kowloon Cards') }),
      client.verifiedFirm(organiser.accessToken, { name: unique('Peak Secure') }),
    ]);
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
    const response = await as(organiser)
      .post('/api/seminars')
      .send(seminarInput(overrides))
      .expect(201);
    return response.body;
  }

  const register = (firm: Firm, seminarId: string) =>
    client
      .as(firm.token)
      .post(`/api/seminars/${seminarId}/registrations`)
      .send({ companyId: firm.id });

  async function partner(country: string): Promise<{ partnerId: string; agreementId: string }> {
    const db = client.app.get(DataSource);
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO partners (country, name) VALUES ($1, $2)
       ON CONFLICT (country) DO UPDATE SET name = excluded.name RETURNING id`,
      [country, `Partner ${country}`],
    );
    const [agreement] = await db.query<{ id: string }[]>(
      `INSERT INTO agreements (partner_id, title) VALUES ($1, 'MOU') RETURNING id`,
      [row.id],
    );
    return { partnerId: row.id, agreementId: agreement.id };
  }

  describe('POST/GET/PATCH /api/seminars', () => {
    it('lets an organiser create one with a partner, and anyone signed in read it', async () => {
      const fr = await partner('FR');
      const seminar = await create({ ...fr, kind: 'workshop', venue: '  ' });
      expect(seminar).toMatchObject({
        kind: 'workshop',
        venue: null,
        capacity: 2,
        registeredCount: 0,
        seatsLeft: 2,
        partnerId: fr.partnerId,
        partnerCountry: 'FR',
        agreementId: fr.agreementId,
      });
      const read = await as(stranger).get(`/api/seminars/${seminar.id}`).expect(200);
      expect(read.body).toMatchObject({ id: seminar.id, myRegistration: null });
      await client.http.get(`/api/seminars/${seminar.id}`).expect(401);
      await as(stranger).post('/api/seminars').send(seminarInput()).expect(403);
      await as(stranger).patch(`/api/seminars/${seminar.id}`).send({ capacity: 3 }).expect(403);
    });

    it('names every bad field (400), null and wrong types included', async () => {
      const response = await as(organiser)
        .post('/api/seminars')
        .send(
          seminarInput({
            kind: 'party',
            startsAt: '2031-06-10T09:00:00',
            timezone: 'Asia/Atlantis',
            capacity: 10_001,
            videoUrl: 'ftp://example.org/x',
            title: 'x'.repeat(100_000),
            description: 7,
            partnerId: 'nope',
          }),
        )
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(
        [
          'capacity',
          'description',
          'kind',
          'partnerId',
          'startsAt',
          'timezone',
          'title',
          'videoUrl',
        ].sort(),
      );
      for (const [field, value] of [
        ['startsAt', null],
        ['capacity', null],
        ['capacity', '3'],
        ['capacity', 0],
        ['title', 'a\u0000b'],
        ['title', 'a\ud800b'],
        ['endsAt', new Date(Date.now() + HOUR).toISOString()],
      ] as const) {
        const bad = await as(organiser)
          .post('/api/seminars')
          .send(seminarInput({ [field]: value }))
          .expect(400);
        expect(Object.keys(bad.body.fields)).toContain(field);
      }
    });

    it('refuses a partner that does not exist and an agreement of another partner', async () => {
      const fr = await partner('FR');
      const ie = await partner('IE');
      const missing = await as(organiser)
        .post('/api/seminars')
        .send(seminarInput({ partnerId: '00000000-0000-4000-8000-000000000000' }))
        .expect(400);
      expect(Object.keys(missing.body.fields)).toEqual(['partnerId']);
      const foreign = await as(organiser)
        .post('/api/seminars')
        .send(seminarInput({ partnerId: fr.partnerId, agreementId: ie.agreementId }))
        .expect(400);
      expect(Object.keys(foreign.body.fields)).toEqual(['agreementId']);
    });

    it('never makes a null date 1970, keeps ends after starts, and clears what may be null', async () => {
      const seminar = await create();
      const nulled = await as(organiser)
        .patch(`/api/seminars/${seminar.id}`)
        .send({ startsAt: null })
        .expect(400);
      expect(Object.keys(nulled.body.fields)).toEqual(['startsAt']);
      const late = await as(organiser)
        .patch(`/api/seminars/${seminar.id}`)
        .send({ endsAt: new Date(Date.now() + HOUR).toISOString() })
        .expect(400);
      expect(Object.keys(late.body.fields)).toEqual(['endsAt']);
      const cleared = await as(organiser)
        .patch(`/api/seminars/${seminar.id}`)
        .send({ venue: null, description: null, capacity: 5 })
        .expect(200);
      expect(cleared.body).toMatchObject({ venue: null, description: '', capacity: 5 });
    });

    it('lists upcoming seminars soonest first, paged; past ones to organisers only', async () => {
      const later = await create({
        startsAt: new Date(Date.now() + 2000 * 24 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 2000 * 24 * HOUR + HOUR).toISOString(),
      });
      // Other suites of the run add seminars too: read every page, in order.
      const items: { id: string; startsAt: string }[] = [];
      for (let number = 1; ; number++) {
        const page = await as(stranger)
          .get(`/api/seminars?pageSize=100&page=${number}`)
          .expect(200);
        items.push(...(page.body.items as { id: string; startsAt: string }[]));
        if (page.body.items.length < 100) break;
      }
      const starts = items.map((item) => item.startsAt);
      expect([...starts].sort()).toEqual(starts);
      expect(items.map((item) => item.id)).toContain(later.id);
      await as(stranger).get('/api/seminars?when=past').expect(403);
      const past = await as(organiser).get('/api/seminars?when=past').expect(200);
      expect(past.body.items.map((item: { id: string }) => item.id)).not.toContain(later.id);
      await as(stranger).get('/api/seminars?pageSize=1000').expect(400);
    });
  });

  describe('registrations, the waitlist and promotion', () => {
    it('seats people up to capacity, waitlists the rest, and promotes the longest-waiting', async () => {
      const seminar = await create({ capacity: 1 });
      const first = await register(a, seminar.id).expect(201);
      expect(first.body).toMatchObject({ status: 'registered', waitlistPosition: null });
      expect(first.body.checkInCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      const second = await register(b, seminar.id).expect(201);
      expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      const third = await register(c, seminar.id).expect(201);
      expect(third.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      await register(a, seminar.id).expect(409);

      // Someone else may not withdraw a's seat: a stranger is told nothing of it.
      await client
        .as(b.token)
        .patch(`/api/seminars/${seminar.id}/registrations/${first.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(404);
      await client
        .as(a.token)
        .patch(`/api/seminars/${seminar.id}/registrations/${first.body.id}`)
        .send({ status: 'registered' })
        .expect(400);
      const withdrawn = await client
        .as(a.token)
        .patch(`/api/seminars/${seminar.id}/registrations/${first.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');

      const promoted = await client.as(b.token).get(`/api/seminars/${seminar.id}`).expect(200);
      expect(promoted.body.myRegistration).toMatchObject({
        id: second.body.id,
        status: 'registered',
      });
      expect(promoted.body).toMatchObject({ registeredCount: 1, waitlistedCount: 1, seatsLeft: 0 });
      const stillWaiting = await client.as(c.token).get(`/api/seminars/${seminar.id}`).expect(200);
      expect(stillWaiting.body.myRegistration).toMatchObject({ waitlistPosition: 1 });

      // Capacity cannot go below the seats held (409 naming capacity).
      await register(a, seminar.id).expect(201);
      await as(organiser).patch(`/api/seminars/${seminar.id}`).send({ capacity: 2 }).expect(200);
      // A seat added goes to the longest-waiting (c), not to a, who came back last.
      const promotedAgain = await client.as(c.token).get(`/api/seminars/${seminar.id}`).expect(200);
      expect(promotedAgain.body.myRegistration).toMatchObject({ status: 'registered' });
      const back = await client.as(a.token).get(`/api/seminars/${seminar.id}`).expect(200);
      expect(back.body.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      const below = await as(organiser)
        .patch(`/api/seminars/${seminar.id}`)
        .send({ capacity: 1 })
        .expect(409);
      expect(below.body).toMatchObject({
        code: 'seminar.capacity_below_registered',
        details: { field: 'capacity', registered: 2 },
      });
      const kept = await as(organiser)
        .patch(`/api/seminars/${seminar.id}`)
        .send({ capacity: 2 })
        .expect(200);
      expect(kept.body).toMatchObject({
        capacity: 2,
        registeredCount: 2,
        waitlistedCount: 1,
        seatsLeft: 0,
      });
      await as(organiser)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: a.id })
        .expect(403);
    });

    it('lists all registrations to organisers, and a firm only its own with its own code', async () => {
      const seminar = await create({ capacity: 5 });
      await register(a, seminar.id).expect(201);
      await register(b, seminar.id).expect(201);
      const all = await as(organiser).get(`/api/seminars/${seminar.id}/registrations`).expect(200);
      expect(all.body).toHaveLength(2);
      expect(
        all.body.every((row: { checkInCode: string | null }) => row.checkInCode === null),
      ).toBe(true);
      const own = await client
        .as(a.token)
        .get(`/api/seminars/${seminar.id}/registrations`)
        .expect(200);
      expect(own.body).toHaveLength(1);
      expect(own.body[0]).toMatchObject({ companyId: a.id });
      expect(own.body[0].checkInCode).toMatch(/-/);
      const none = await as(stranger).get(`/api/seminars/${seminar.id}/registrations`).expect(200);
      expect(none.body).toEqual([]);
    });

    it('refuses a company the user does not speak for, an unverified one, bad ids, a started seminar', async () => {
      const seminar = await create();
      await client
        .as(a.token)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: b.id })
        .expect(403);
      const unverified = await client.company(stranger.accessToken);
      const refused = await as(stranger)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: unverified.id })
        .expect(409);
      expect(refused.body.code).toBe('company.not_verified');
      for (const companyId of [null, 7, 'x', 'a\u0000', ['x']]) {
        const bad = await client
          .as(a.token)
          .post(`/api/seminars/${seminar.id}/registrations`)
          .send({ companyId })
          .expect(400);
        expect(Object.keys(bad.body.fields)).toEqual(['companyId']);
      }
      await client
        .as(a.token)
        .post(`/api/seminars/00000000-0000-4000-8000-000000000000/registrations`)
        .send({ companyId: a.id })
        .expect(404);
      const db = client.app.get(DataSource);
      await db.query(`UPDATE seminars SET starts_at = now() - interval '1 minute' WHERE id = $1`, [
        seminar.id,
      ]);
      const started = await register(a, seminar.id).expect(409);
      expect(started.body.code).toBe('seminar.started');
    });

    it("lets the company's owner withdraw a colleague's seat, and not a plain member the owner's", async () => {
      const colleague = await client.signUp();
      const token = await invitationLink(client.app, a.id, colleague.user.email);
      await as(colleague).post('/api/invitations/accept').send({ token }).expect(200);
      const seminar = await create({ capacity: 5 });
      const theirs = await as(colleague)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: a.id })
        .expect(201);
      const owners = await register(a, seminar.id).expect(201);
      const refused = await as(colleague)
        .patch(`/api/seminars/${seminar.id}/registrations/${owners.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(403);
      expect(refused.body.code).toBe('company.owner_required');
      const withdrawn = await client
        .as(a.token)
        .patch(`/api/seminars/${seminar.id}/registrations/${theirs.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(200);
      // The owner sees the colleague's row, but never the colleague's code.
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', checkInCode: null });
      const rows = await client
        .as(a.token)
        .get(`/api/seminars/${seminar.id}/registrations`)
        .expect(200);
      expect(rows.body).toHaveLength(2);
      expect(
        rows.body.find((row: { id: string }) => row.id === theirs.body.id).checkInCode,
      ).toBeNull();
    });

    it('never seats more than capacity when the last seats are taken at once', async () => {
      const seminar = await create({ capacity: 1 });
      const responses = await Promise.all([
        register(a, seminar.id),
        register(b, seminar.id),
        register(c, seminar.id),
      ]);
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
      const statuses = responses.map((response) => response.body.status).sort();
      expect(statuses).toEqual(['registered', 'waitlisted', 'waitlisted']);
    });
  });

  describe('check-in', () => {
    it('checks a seat in once, refuses twice (409 with when), other seminars and tampered codes (404)', async () => {
      const seminar = await create({ capacity: 1 });
      const other = await create();
      const seat = await register(a, seminar.id).expect(201);
      const waiting = await register(b, seminar.id).expect(201);
      const elsewhere = await register(c, other.id).expect(201);
      const code = seat.body.checkInCode as string;

      const checkIn = (seminarId: string, value: unknown, who: Account = organiser) =>
        as(who).post(`/api/seminars/${seminarId}/check-in`).send({ code: value });

      await checkIn(seminar.id, code, stranger).expect(403);
      const done = await checkIn(seminar.id, ` ${code.toLowerCase()} `).expect(200);
      expect(done.body.registration).toMatchObject({
        id: seat.body.id,
        companyId: a.id,
        status: 'registered',
      });
      const twice = await checkIn(seminar.id, code).expect(409);
      expect(twice.body).toMatchObject({ code: 'check_in.already' });
      expect(twice.body.details.checkedInAt).toBe(done.body.checkedInAt);

      await checkIn(seminar.id, elsewhere.body.checkInCode).expect(404);
      const last = code.at(-1) === 'Z' ? 'Y' : 'Z';
      await checkIn(seminar.id, code.slice(0, -1) + last).expect(404);
      await checkIn(seminar.id, 'hello').expect(404);

      const noSeat = await checkIn(seminar.id, waiting.body.checkInCode).expect(409);
      expect(noSeat.body).toMatchObject({
        code: 'check_in.no_seat',
        details: { status: 'waitlisted' },
      });

      for (const value of [null, 7, '', 'x'.repeat(100_000), 'a\u0000b', 'a\ud800b', { a: 1 }]) {
        const bad = await checkIn(seminar.id, value).expect(400);
        expect(Object.keys(bad.body.fields)).toEqual(['code']);
      }

      // Attendance as CSV, the time in the seminar's zone.
      const csv = await as(organiser).get(`/api/seminars/${seminar.id}/attendance.csv`).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('name,company,country,status,checkedInAt');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(
        /^Test User,Harbour Pay[^,]*,HK,checked-in,\d{4}-\d\d-\d\d \d\d:\d\d GMT\+8$/,
      );
      expect(lines[2]).toMatch(/,waitlisted,$/);
      await as(stranger).get(`/api/seminars/${seminar.id}/attendance.csv`).expect(403);
    });
  });

  describe('reminders', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      await smtp.start();
      worker = await startWorker({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
    });
    afterAll(async () => {
      await worker?.close();
      await smtp.stop();
    });

    it('emails a seat holder a day before, and not someone who withdrew', async () => {
      const holder = await client.signUp({
        email: `${unique('seat')}@example.org`,
        name: 'Amy Chan',
      });
      const quitter = await client.signUp({
        email: `${unique('quit')}@example.org`,
        name: 'Bo Wong',
      });
      const holderFirm = await client.verifiedCompany(holder.accessToken, organiser.accessToken);
      const quitterFirm = await client.verifiedCompany(quitter.accessToken, organiser.accessToken);
      const startsAt = Date.now() + SEMINAR_REMINDER_MINUTES * 60_000 + 4_000;
      const seminar = await create({
        title: unique('Reminded seminar'),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + HOUR).toISOString(),
      });
      await as(holder)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: holderFirm.id })
        .expect(201);
      const gone = await as(quitter)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: quitterFirm.id })
        .expect(201);
      await as(quitter)
        .patch(`/api/seminars/${seminar.id}/registrations/${gone.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(200);

      const mail = await eventually(
        () =>
          Promise.resolve(
            smtp.to(holder.user.email).find((m) => /is tomorrow/.test(m.subject ?? '')),
          ),
        25_000,
      );
      expect(mail.text).toContain('HKCEC Room S421');
      expect(mail.text).toContain(`${APP_URL}/seminars/${seminar.id}`);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(
        smtp.to(quitter.user.email).filter((m) => /is tomorrow/.test(m.subject ?? '')),
      ).toEqual([]);
    }, 40_000);

    it('tells the person promoted from the waitlist', async () => {
      const waiter = await client.signUp({ email: `${unique('wait')}@example.org`, name: 'Cy Ho' });
      const waiterFirm = await client.verifiedCompany(waiter.accessToken, organiser.accessToken);
      const seminar = await create({ capacity: 1 });
      const seat = await register(a, seminar.id).expect(201);
      await as(waiter)
        .post(`/api/seminars/${seminar.id}/registrations`)
        .send({ companyId: waiterFirm.id })
        .expect(201);
      await client
        .as(a.token)
        .patch(`/api/seminars/${seminar.id}/registrations/${seat.body.id}`)
        .send({ status: 'withdrawn' })
        .expect(200);
      const mail = await eventually(
        () =>
          Promise.resolve(
            smtp.to(waiter.user.email).find((m) => /You have a seat/.test(m.subject ?? '')),
          ),
        20_000,
      );
      expect(mail.text).toContain('first on the waitlist');
    }, 30_000);
  });
  describe('live', () => {
    const sockets = new LiveClients();
    afterEach(() => sockets.closeAll());

    it('tells the organisers and the registered firms, and no one else, that the seats changed', async () => {
      const url = await listen(client.app);
      const seminar = await create({ capacity: 1 });
      await register(b, seminar.id).expect(201);
      const [toOrganiser, toA, toB, toC] = await Promise.all(
        [organiser.accessToken, a.token, b.token, c.token].map(async (token) =>
          collect<{ seminarId: string }>(await sockets.connected(url, token), 'seminar.updated'),
        ),
      );
      // a takes the waitlist place: the organisers, a and b (registered before) hear of it.
      await register(a, seminar.id).expect(201);
      await settle();
      for (const heard of [toOrganiser, toA, toB])
        expect(heard).toEqual([{ seminarId: seminar.id }]);
      expect(toC).toEqual([]);
    });
  });
});
