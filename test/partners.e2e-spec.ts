import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { AgreementReminders } from '../src/partners/agreement-reminders.service';
import { renewalDueFrom, todayUtc } from '../src/partners/agreement-status';
import {
  RENEWAL_LEAD_DAYS,
  type WireAgreement,
  type WirePartner,
  type WirePartnerActivities,
} from '../src/partners/partners.wire';
import { eventually, startWorker } from './support/app';
import { delegationInput, sessionInput, unique, useApi, type Account } from './support/client';
import { TestSmtp } from './support/smtp';

const APP_URL = 'http://trade-match.test:8080';
const DAY_MS = 24 * 3600_000;

/** The calendar date `days` from today (UTC). */
const fromToday = (days: number): string => todayUtc(new Date(Date.now() + days * DAY_MS));

/**
 * Partner economies and their agreements (SPEC "Programme", issue 18 points 1 and 2): one per
 * country, agreements with dates whose status follows from them, renewals that keep the history,
 * activities held under a partner and agreement, every activity of a year, and the reminder
 * organisers get by email once an agreement is due for renewal.
 */
describe('partner economies', () => {
  const client = useApi({ APP_URL });
  let organiser: Account;
  let member: Account;

  const as = (account: Account) => client.as(account.accessToken);

  const partnerBody = (overrides: Record<string, unknown> = {}) => ({
    country: 'CA',
    name: 'Canada',
    agencies: ['Industry Canada'],
    priorityAreas: ['e-commerce', 'e-government'],
    notes: 'MOU on ICT cooperation since 1998.',
    ...overrides,
  });

  const agreementBody = (overrides: Record<string, unknown> = {}) => ({
    title: unique('Memorandum of understanding on ICT cooperation'),
    signedOn: '1998-05-18',
    expiresOn: '2003-05-17',
    counterpart: 'Industry Canada',
    priorityAreas: ['e-commerce'],
    forms: ['delegations', 'seminars'],
    documentUrl: 'https://example.gc.ca/mou.pdf',
    ...overrides,
  });

  const createPartner = async (overrides: Record<string, unknown> = {}) =>
    (await as(organiser).post('/api/partners').send(partnerBody(overrides)).expect(201))
      .body as WirePartner;

  const addAgreement = async (partnerId: string, overrides: Record<string, unknown> = {}) =>
    (
      await as(organiser)
        .post(`/api/partners/${partnerId}/agreements`)
        .send(agreementBody(overrides))
        .expect(201)
    ).body as WireAgreement;

  let canada: WirePartner;
  let finland: WirePartner;

  beforeAll(async () => {
    // The countries this suite creates are its own: another suite of the run may have made one
    // (the field fuzz tries the API's example country, CA), so those go first.
    await client.app
      .get(DataSource)
      .query(`DELETE FROM partners WHERE country = ANY($1)`, [
        ['CA', 'FI', 'AU', 'GB', 'IN', 'IL', 'KR', 'DE'],
      ]);
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
    canada = await createPartner();
    finland = await createPartner({ country: 'fi', name: 'Finland', agencies: [] });
  });

  describe('POST/GET/PATCH /api/partners', () => {
    it('creates one for organisers, readable by every signed-in user, with its agreements', async () => {
      expect(canada).toMatchObject({
        country: 'CA',
        name: 'Canada',
        agencies: ['Industry Canada'],
        priorityAreas: ['e-commerce', 'e-government'],
        agreements: [],
      });
      expect(finland.country).toBe('FI');
      const list = (await as(member).get('/api/partners').expect(200)).body as WirePartner[];
      expect(list.map((partner) => partner.id)).toEqual(
        expect.arrayContaining([canada.id, finland.id]),
      );
      const one = await as(member).get(`/api/partners/${canada.id}`).expect(200);
      expect(one.body).toMatchObject({ id: canada.id, name: 'Canada' });
      await client.http.get('/api/partners').expect(401);
      await as(member).get(`/api/partners/${randomUUID()}`).expect(404);
      await as(member).get('/api/partners/not-a-uuid').expect(400);
    });

    it('keeps one partner economy per country (409)', async () => {
      const again = await as(organiser)
        .post('/api/partners')
        .send(partnerBody({ country: 'ca', name: 'Canada again' }))
        .expect(409);
      expect(again.body.code).toBe('partner.country_taken');
      const moved = await as(organiser)
        .patch(`/api/partners/${finland.id}`)
        .send({ country: 'CA' })
        .expect(409);
      expect(moved.body.code).toBe('partner.country_taken');
    });

    it('refuses members (403) and stores nothing', async () => {
      await as(member)
        .post('/api/partners')
        .send(partnerBody({ country: 'AU' }))
        .expect(403);
      await as(member).patch(`/api/partners/${canada.id}`).send({ name: 'Mine' }).expect(403);
      const [{ n }] = await client.app
        .get(DataSource)
        .query<{ n: number }[]>("SELECT count(*)::int AS n FROM partners WHERE country = 'AU'");
      expect(n).toBe(0);
    });

    it('names every bad field (400): null, wrong types, huge strings, unknown codes', async () => {
      const bad = await as(organiser)
        .post('/api/partners')
        .send({
          country: 'XX',
          name: 'x'.repeat(201),
          agencies: [42],
          priorityAreas: ['not-a-sector'],
          notes: 'n'.repeat(4001),
        })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(
        ['agencies', 'country', 'name', 'notes', 'priorityAreas'].sort(),
      );
      const nulls = await as(organiser)
        .post('/api/partners')
        .send({ country: null, name: null, agencies: null, priorityAreas: 'e-commerce' })
        .expect(400);
      expect(Object.keys(nulls.body.fields).sort()).toEqual(
        ['agencies', 'country', 'name', 'priorityAreas'].sort(),
      );
      const many = await as(organiser)
        .patch(`/api/partners/${canada.id}`)
        .send({ agencies: Array.from({ length: 21 }, (_, index) => `Agency ${index}`) })
        .expect(400);
      expect(Object.keys(many.body.fields)).toEqual(['agencies']);
      await as(organiser).patch(`/api/partners/${randomUUID()}`).send({ name: 'X' }).expect(404);
    });

    it('edits a partner economy; null notes clear them', async () => {
      const changed = await as(organiser)
        .patch(`/api/partners/${finland.id}`)
        .send({ name: 'Finland (Ministry of Transport)', notes: null, agencies: ['Tekes'] })
        .expect(200);
      expect(changed.body).toMatchObject({
        name: 'Finland (Ministry of Transport)',
        notes: '',
        agencies: ['Tekes'],
      });
    });
  });

  describe('agreements', () => {
    it('adds an agreement whose status follows its dates', async () => {
      const partner = await createPartner({ country: 'GB', name: 'United Kingdom' });
      const expired = await addAgreement(partner.id);
      expect(expired).toMatchObject({
        partnerId: partner.id,
        signedOn: '1998-05-18',
        expiresOn: '2003-05-17',
        status: 'expired',
        renews: null,
        renewedBy: null,
      });
      const due = await addAgreement(partner.id, {
        signedOn: '2020-01-01',
        expiresOn: fromToday(RENEWAL_LEAD_DAYS - 1),
      });
      expect(due.status).toBe('renewal-due');
      const onTheDay = await addAgreement(partner.id, {
        signedOn: '2020-01-01',
        expiresOn: fromToday(0),
      });
      expect(onTheDay.status).toBe('renewal-due');
      const active = await addAgreement(partner.id, {
        signedOn: '2020-01-01',
        expiresOn: fromToday(RENEWAL_LEAD_DAYS + 1),
      });
      expect(active.status).toBe('active');
      const openEnded = await addAgreement(partner.id, { expiresOn: null });
      expect(openEnded.status).toBe('active');
      const planned = await addAgreement(partner.id, { signedOn: null, expiresOn: null });
      expect(planned.status).toBe('planned');
      // Sent as "expired", stored as signed: moving the date makes it active again.
      const patched = await as(organiser)
        .patch(`/api/agreements/${expired.id}`)
        .send({ status: 'expired', expiresOn: fromToday(400) })
        .expect(200);
      expect(patched.body.status).toBe('active');
      const read = (await as(member).get(`/api/partners/${partner.id}`).expect(200))
        .body as WirePartner;
      expect(read.agreements).toHaveLength(6);
      expect(read.agreements.map((agreement) => agreement.status).sort()).toEqual(
        ['active', 'active', 'active', 'planned', 'renewal-due', 'renewal-due'].sort(),
      );
    });

    it('names every bad field (400): dates, sizes, links, codes', async () => {
      const bad = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send({
          title: 't'.repeat(301),
          signedOn: '2003-02-29',
          expiresOn: 'soon',
          counterpart: 42,
          priorityAreas: ['ICT'],
          forms: ['dinner'],
          documentUrl: 'javascript:alert(1)',
          status: 'signed',
          renews: 'nope',
        })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(
        [
          'counterpart',
          'documentUrl',
          'expiresOn',
          'forms',
          'priorityAreas',
          'renews',
          'signedOn',
          'status',
          'title',
        ].sort(),
      );
      const nulls = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send({ title: null, forms: null, priorityAreas: null, status: null })
        .expect(400);
      expect(Object.keys(nulls.body.fields).sort()).toEqual(
        ['forms', 'priorityAreas', 'status', 'title'].sort(),
      );
      const order = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send(agreementBody({ signedOn: '2003-05-17', expiresOn: '2003-05-17' }))
        .expect(400);
      expect(order.body.fields).toEqual({ expiresOn: ['must be after signedOn'] });
      const unsigned = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send(agreementBody({ signedOn: null, status: 'active' }))
        .expect(400);
      expect(Object.keys(unsigned.body.fields)).toEqual(['signedOn']);
      const ftp = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send(agreementBody({ documentUrl: 'ftp://example.org/mou.pdf' }))
        .expect(400);
      expect(Object.keys(ftp.body.fields)).toEqual(['documentUrl']);
      const huge = await as(organiser)
        .post(`/api/partners/${canada.id}/agreements`)
        .send(agreementBody({ documentUrl: `https://example.org/${'a'.repeat(3000)}` }))
        .expect(400);
      expect(Object.keys(huge.body.fields)).toEqual(['documentUrl']);
      await as(organiser)
        .post(`/api/partners/${randomUUID()}/agreements`)
        .send(agreementBody())
        .expect(404);
    });

    it('checks a PATCH against the stored dates, and refuses members (403)', async () => {
      const agreement = await addAgreement(canada.id, { title: unique('Checked') });
      const early = await as(organiser)
        .patch(`/api/agreements/${agreement.id}`)
        .send({ expiresOn: '1998-01-01' })
        .expect(400);
      expect(early.body.fields).toEqual({ expiresOn: ['must be after signedOn'] });
      const nullTitle = await as(organiser)
        .patch(`/api/agreements/${agreement.id}`)
        .send({ title: null })
        .expect(400);
      expect(Object.keys(nullTitle.body.fields)).toEqual(['title']);
      await as(member).patch(`/api/agreements/${agreement.id}`).send({ title: 'Mine' }).expect(403);
      await as(member)
        .post(`/api/partners/${canada.id}/agreements`)
        .send(agreementBody())
        .expect(403);
      await as(organiser).patch(`/api/agreements/${randomUUID()}`).send({ title: 'X' }).expect(404);
      const renamed = await as(organiser)
        .patch(`/api/agreements/${agreement.id}`)
        .send({ title: 'MOU on ICT cooperation (signed in Ottawa)', documentUrl: '' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        title: 'MOU on ICT cooperation (signed in Ottawa)',
        documentUrl: null,
        signedOn: '1998-05-18',
      });
    });

    it('renews an agreement: the old one is renewed and keeps its dates; the chain shows', async () => {
      const partner = await createPartner({ country: 'IN', name: 'India' });
      const first = await addAgreement(partner.id, { title: 'MOU 1998' });
      const second = await addAgreement(partner.id, {
        title: 'MOU 2003',
        signedOn: '2003-12-04',
        expiresOn: '2008-12-03',
        renews: first.id,
      });
      expect(second).toMatchObject({ renews: first.id, status: 'expired' });
      const read = (await as(member).get(`/api/partners/${partner.id}`).expect(200))
        .body as WirePartner;
      const old = read.agreements.find((agreement) => agreement.id === first.id);
      expect(old).toMatchObject({
        status: 'renewed',
        signedOn: '1998-05-18',
        expiresOn: '2003-05-17',
        renewedBy: second.id,
        renews: null,
      });
      expect(read.agreements.find((agreement) => agreement.id === second.id)).toMatchObject({
        renews: first.id,
        renewedBy: null,
      });
      // Not twice.
      const twice = await as(organiser)
        .post(`/api/partners/${partner.id}/agreements`)
        .send(agreementBody({ renews: first.id }))
        .expect(409);
      expect(twice.body.code).toBe('agreement.already_renewed');
      // Not another partner's: 400 naming renews; nothing stored, nothing changed.
      const other = await addAgreement(canada.id, { title: unique('Canadian') });
      const foreign = await as(organiser)
        .post(`/api/partners/${partner.id}/agreements`)
        .send(agreementBody({ title: 'Foreign renewal', renews: other.id }))
        .expect(400);
      expect(Object.keys(foreign.body.fields)).toEqual(['renews']);
      const unknown = await as(organiser)
        .post(`/api/partners/${partner.id}/agreements`)
        .send(agreementBody({ renews: randomUUID() }))
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['renews']);
      const after = (await as(member).get(`/api/partners/${canada.id}`).expect(200))
        .body as WirePartner;
      expect(after.agreements.find((agreement) => agreement.id === other.id)?.status).toBe(
        'expired',
      );
      const [{ n }] = await client.app
        .get(DataSource)
        .query<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM agreements WHERE title = 'Foreign renewal'",
        );
      expect(n).toBe(0);
    });
  });

  describe('activities under a partner economy', () => {
    let partner: WirePartner;
    let mou: WireAgreement;
    let foreign: WireAgreement;

    beforeAll(async () => {
      partner = await createPartner({ country: 'IL', name: 'Israel' });
      mou = await addAgreement(partner.id, { title: 'Israel MOU' });
      foreign = await addAgreement(canada.id, { title: unique('Not Israel') });
    });

    it('links a session and a delegation on create and PATCH, and shows the partner', async () => {
      const session = await as(organiser)
        .post('/api/sessions')
        .send(sessionInput({ partnerId: partner.id, agreementId: mou.id }))
        .expect(201);
      expect(session.body).toMatchObject({
        partner: { id: partner.id, country: 'IL', name: 'Israel' },
        agreementId: mou.id,
      });
      const read = await as(organiser).get(`/api/sessions/${session.body.id}`).expect(200);
      expect(read.body.partner).toEqual({ id: partner.id, country: 'IL', name: 'Israel' });
      const listed = await as(organiser).get('/api/sessions?pageSize=100').expect(200);
      expect(
        listed.body.items.find((item: { id: string }) => item.id === session.body.id)?.partner?.id,
      ).toBe(partner.id);

      // An agreement alone takes its partner.
      const delegation = await as(organiser)
        .post('/api/delegations')
        .send(delegationInput({ agreementId: mou.id }))
        .expect(201);
      expect(delegation.body).toMatchObject({
        partner: { id: partner.id, country: 'IL' },
        agreementId: mou.id,
      });
      const delegationRead = await as(member)
        .get(`/api/delegations/${delegation.body.id}`)
        .expect(200);
      expect(delegationRead.body.partner?.id).toBe(partner.id);

      // Clearing the partner clears the agreement.
      const cleared = await as(organiser)
        .patch(`/api/delegations/${delegation.body.id}`)
        .send({ partnerId: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ partner: null, agreementId: null });
      const relinked = await as(organiser)
        .patch(`/api/delegations/${delegation.body.id}`)
        .send({ partnerId: partner.id })
        .expect(200);
      expect(relinked.body).toMatchObject({ partner: { id: partner.id }, agreementId: null });
      const sessionCleared = await as(organiser)
        .patch(`/api/sessions/${session.body.id}`)
        .send({ agreementId: null })
        .expect(200);
      expect(sessionCleared.body).toMatchObject({ partner: { id: partner.id }, agreementId: null });
    });

    it('refuses an unknown partner (400 partnerId) and another partner’s agreement (400 agreementId)', async () => {
      const unknown = await as(organiser)
        .post('/api/sessions')
        .send(sessionInput({ partnerId: randomUUID() }))
        .expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['partnerId']);
      const mismatch = await as(organiser)
        .post('/api/delegations')
        .send(delegationInput({ partnerId: partner.id, agreementId: foreign.id }))
        .expect(400);
      expect(Object.keys(mismatch.body.fields)).toEqual(['agreementId']);
      expect(mismatch.body.rules.agreementId).toEqual([{ rule: 'agreementOfPartner' }]);
      const noAgreement = await as(organiser)
        .post('/api/delegations')
        .send(delegationInput({ agreementId: randomUUID() }))
        .expect(400);
      expect(Object.keys(noAgreement.body.fields)).toEqual(['agreementId']);
      const types = await as(organiser)
        .post('/api/sessions')
        .send(sessionInput({ partnerId: 42, agreementId: 'x' }))
        .expect(400);
      expect(Object.keys(types.body.fields).sort()).toEqual(['agreementId', 'partnerId']);

      const session = await as(organiser)
        .post('/api/sessions')
        .send(sessionInput({ partnerId: partner.id }))
        .expect(201);
      const moved = await as(organiser)
        .patch(`/api/sessions/${session.body.id}`)
        .send({ agreementId: foreign.id })
        .expect(400);
      expect(Object.keys(moved.body.fields)).toEqual(['agreementId']);
      // Another partner while the stored agreement stays: the agreement no longer fits.
      const linked = await as(organiser)
        .patch(`/api/sessions/${session.body.id}`)
        .send({ agreementId: mou.id })
        .expect(200);
      expect(linked.body.agreementId).toBe(mou.id);
      const otherPartner = await as(organiser)
        .patch(`/api/sessions/${session.body.id}`)
        .send({ partnerId: canada.id })
        .expect(400);
      expect(Object.keys(otherPartner.body.fields)).toEqual(['agreementId']);
      // A member may not link anything (403).
      const delegation = await as(organiser)
        .post('/api/delegations')
        .send(delegationInput())
        .expect(201);
      await as(member)
        .patch(`/api/delegations/${delegation.body.id}`)
        .send({ partnerId: partner.id })
        .expect(403);
    });

    it('lists every activity of a year, and the years that have any (organisers)', async () => {
      const other = await createPartner({ country: 'KR', name: 'South Korea' });
      const session = await as(organiser)
        .post('/api/sessions')
        .send(sessionInput({ partnerId: other.id, title: 'Seoul video matching' }))
        .expect(201);
      const delegation = await as(organiser)
        .post('/api/delegations')
        .send(
          delegationInput({
            partnerId: other.id,
            title: 'Mission to Seoul',
            startsOn: '2030-06-10',
            endsOn: '2030-06-14',
          }),
        )
        .expect(201);
      const db = client.app.get(DataSource);
      const [seminar] = await db.query<{ id: string }[]>(
        `INSERT INTO seminars (title, kind, starts_at, ends_at, timezone, capacity, partner_id)
         VALUES ('Smart cards seminar', 'seminar', '2031-03-11T02:00:00Z', '2031-03-11T05:00:00Z',
                 'Asia/Hong_Kong', 40, $1) RETURNING id`,
        [other.id],
      );
      const y2031 = (
        await as(organiser).get(`/api/partners/${other.id}/activities?year=2031`).expect(200)
      ).body as WirePartnerActivities;
      expect(y2031.years).toEqual([2031, 2030]);
      expect(y2031.items).toEqual([
        expect.objectContaining({
          kind: 'session',
          id: session.body.id,
          title: 'Seoul video matching',
          startsAt: session.body.startsAt,
          status: 'open',
        }),
        expect.objectContaining({ kind: 'seminar', id: seminar.id, count: 0 }),
      ]);
      const y2030 = (
        await as(organiser).get(`/api/partners/${other.id}/activities?year=2030`).expect(200)
      ).body as WirePartnerActivities;
      expect(y2030.items).toEqual([
        expect.objectContaining({
          kind: 'delegation',
          id: delegation.body.id,
          startsOn: '2030-06-10',
          count: 0,
        }),
      ]);
      const none = (
        await as(organiser).get(`/api/partners/${other.id}/activities?year=2029`).expect(200)
      ).body as WirePartnerActivities;
      expect(none).toMatchObject({ year: 2029, items: [], years: [2031, 2030] });
      const bad = await as(organiser)
        .get(`/api/partners/${other.id}/activities?year=twenty`)
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['year']);
      await as(organiser).get(`/api/partners/${other.id}/activities?year=3000`).expect(400);
      await as(member).get(`/api/partners/${other.id}/activities`).expect(403);
      await as(organiser).get(`/api/partners/${randomUUID()}/activities`).expect(404);
    });
  });

  describe('reminders of agreements due for renewal', () => {
    const smtp = new TestSmtp();
    let worker: INestApplicationContext;

    beforeAll(async () => {
      await smtp.start();
      worker = await startWorker({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
    });
    afterAll(async () => {
      await worker?.close();
      await smtp.stop();
    });

    const reminders = (address: string, title: string): ParsedMail[] =>
      smtp.to(address).filter((mail) => (mail.text ?? '').includes(`“${title}”`));

    it('emails organisers once per expiry date, not members, not before it is due', async () => {
      const partner = await createPartner({ country: 'DE', name: 'Germany' });
      const title = unique('German MOU');
      const due = await addAgreement(partner.id, {
        title,
        signedOn: '2020-01-01',
        expiresOn: fromToday(30),
      });
      const later = unique('Later MOU');
      await addAgreement(partner.id, {
        title: later,
        signedOn: '2020-01-01',
        expiresOn: fromToday(RENEWAL_LEAD_DAYS + 10),
      });
      const run = worker.get(AgreementReminders);
      expect(await run.run()).toBeGreaterThanOrEqual(1);
      const mail = await eventually(
        () => Promise.resolve(reminders(organiser.user.email, title)[0]),
        20_000,
      );
      expect(mail.subject).toBe('The agreement with Germany is due for renewal');
      // The date in words, as the reader writes it.
      const inWords = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${fromToday(30)}T12:00:00Z`));
      expect(mail.text).toContain(`expires on ${inWords}, in 30 days`);
      expect(mail.text).toContain(`${APP_URL}/organise/partners/${partner.id}`);
      const inApp = await as(organiser).get('/api/notifications').expect(200);
      expect(
        inApp.body.items.filter(
          (item: { kind: string; body: string }) =>
            item.kind === 'agreement.expiring' && item.body.includes(title),
        ),
      ).toHaveLength(1);

      // A second run: nothing more.
      expect(await run.run()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(reminders(organiser.user.email, title)).toHaveLength(1);
      expect(reminders(member.user.email, title)).toHaveLength(0);
      expect(smtp.mails.some((each) => (each.text ?? '').includes(later))).toBe(false);

      // A new expiry date is told of again, once it is due.
      await as(organiser)
        .patch(`/api/agreements/${due.id}`)
        .send({ expiresOn: fromToday(60) })
        .expect(200);
      expect(await run.run()).toBeGreaterThanOrEqual(1);
      await eventually(
        () =>
          Promise.resolve(reminders(organiser.user.email, title).length === 2 ? true : undefined),
        20_000,
      );
      // The later one is told of on the day it becomes due.
      const dueDay = new Date(`${renewalDueFrom(fromToday(RENEWAL_LEAD_DAYS + 10))}T12:00:00Z`);
      expect(await run.run(dueDay)).toBeGreaterThanOrEqual(1);
      expect(await run.run(dueDay)).toBe(0);
      await eventually(() => Promise.resolve(reminders(organiser.user.email, later)[0]), 20_000);
    });
  });
});
