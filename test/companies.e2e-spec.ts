import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyView } from '../src/companies/company.view';
import { eventually, startWorker } from './support/app';
import { companyInput, unique, type Account, useApi } from './support/client';

describe('companies', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let db: DataSource;
  let owner: Account;
  let other: Account;
  let organiser: Account;

  beforeAll(async () => {
    worker = await startWorker();
    db = client.app.get(DataSource);
    [owner, other, organiser] = await Promise.all([
      client.signUp(),
      client.signUp(),
      client.organiser(),
    ]);
  });
  afterAll(() => worker.close());

  const countCompanies = async (name: string): Promise<number> =>
    Number(
      (
        await db.query<{ n: string }[]>('SELECT count(*) AS n FROM companies WHERE name = $1', [
          name,
        ])
      )[0].n,
    );

  describe('GET /api/taxonomy', () => {
    it('serves sectors, partner types and employee bands to anyone', async () => {
      const response = await client.http.get('/api/taxonomy').expect(200);
      expect(response.body.sectors).toContainEqual({
        id: 'smart-cards-payments',
        label: 'Smart cards and payments',
      });
      expect(response.body.sectors).toHaveLength(14);
      expect(response.body.partnerTypes.map((type: { id: string }) => type.id)).toContain(
        'technology-licensing',
      );
      expect(response.body.employeeBands).toEqual(['1-9', '10-49', '50-249', '250+']);
    });
  });

  describe('POST /api/companies', () => {
    it('registers a pending company owned by the caller, with normalised tags and codes', async () => {
      const name = unique('Kowloon Secure');
      const response = await client
        .as(owner.accessToken)
        .post('/api/companies')
        .send(
          companyInput({
            name,
            country: 'hk',
            offers: ['  Mobile   Payments ', 'mobile payments', 'NFC Readers!'],
            targetMarkets: ['ca', 'gb'],
            languages: ['EN', 'zh'],
            timezone: 'asia/hong_kong',
          }),
        )
        .expect(201);
      const company = response.body as CompanyView;
      expect(company).toMatchObject({
        name,
        country: 'HK',
        status: 'pending',
        offers: ['mobile payments', 'nfc readers'],
        targetMarkets: ['CA', 'GB'],
        languages: ['en', 'zh'],
        timezone: 'Asia/Hong_Kong',
      });
      const me = await client.as(owner.accessToken).get('/api/auth/me').expect(200);
      expect(me.body.companies).toContainEqual({
        companyId: company.id,
        name,
        country: 'HK',
        status: 'pending',
        role: 'owner',
      });
    });

    it('names every invalid field in one 400 and stores nothing', async () => {
      const name = unique('Invalid Co');
      const response = await client
        .as(owner.accessToken)
        .post('/api/companies')
        .send(
          companyInput({
            name,
            country: 'XX',
            timezone: 'Mars/Olympus_Mons',
            languages: ['english'],
            sectors: ['blockchain'],
            partnerTypes: ['friend'],
            targetMarkets: ['ZZ'],
            employees: '5000',
            website: 'not a url',
            offers: 'payments',
          }),
        )
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(
        [
          'country',
          'employees',
          'languages',
          'offers',
          'partnerTypes',
          'sectors',
          'targetMarkets',
          'timezone',
          'website',
        ].sort(),
      );
      expect(response.body.message).toContain('timezone');
      expect(await countCompanies(name)).toBe(0);
    });

    it('refuses fields nobody may set on their own, such as status (400)', async () => {
      const name = unique('Sneaky');
      const response = await client
        .as(owner.accessToken)
        .post('/api/companies')
        .send(companyInput({ name, status: 'verified', ownerId: other.user.id }))
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(['ownerId', 'status']);
      expect(await countCompanies(name)).toBe(0);
    });

    it('refuses a second company of the same name and country (409), in any case', async () => {
      const name = unique('Twin Co');
      await client.company(owner.accessToken, { name });
      const response = await client
        .as(other.accessToken)
        .post('/api/companies')
        .send(companyInput({ name: name.toUpperCase() }))
        .expect(409);
      expect(response.body.code).toBe('company.duplicate');
      // Another country is another company.
      await client.company(other.accessToken, { name, country: 'CA', timezone: 'America/Toronto' });
    });

    it('is for signed-in members: 401 without a token, 403 for organisers', async () => {
      await client.http.post('/api/companies').send(companyInput()).expect(401);
      await client
        .as(organiser.accessToken)
        .post('/api/companies')
        .send(companyInput())
        .expect(403);
    });
  });

  describe('GET /api/companies/:id', () => {
    it('shows a pending company to its owner and organisers only', async () => {
      const company = await client.company(owner.accessToken);
      await client.as(owner.accessToken).get(`/api/companies/${company.id}`).expect(200);
      await client.as(organiser.accessToken).get(`/api/companies/${company.id}`).expect(200);
      const response = await client
        .as(other.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'company.not_yours' });
    });

    it('shows a verified company to any signed-in user, never to anonymous callers', async () => {
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      const response = await client
        .as(other.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(200);
      expect(response.body).toMatchObject({ id: company.id, status: 'verified' });
      expect(response.body).not.toHaveProperty('searchDocument');
      await client.http.get(`/api/companies/${company.id}`).expect(401);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const missing = await client
        .as(owner.accessToken)
        .get('/api/companies/6a1f2a0e-0000-4000-8000-000000000000')
        .expect(404);
      expect(missing.body).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        code: 'company.not_found',
      });
      const malformed = await client.as(owner.accessToken).get('/api/companies/12345').expect(400);
      expect(malformed.body.fields).toEqual({ id: ['must be a UUID'] });
    });
  });

  describe('PATCH /api/companies/:id', () => {
    it('lets the owner edit, normalising tags, and the worker reindexes the new profile', async () => {
      const company = await client.company(owner.accessToken);
      const word = unique('zephyrtag').replace(/[^a-z0-9]/g, '');
      const response = await client
        .as(owner.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ seeks: [`  ${word.toUpperCase()} Sensors `], city: 'Kowloon' })
        .expect(200);
      expect(response.body).toMatchObject({
        id: company.id,
        city: 'Kowloon',
        seeks: [`${word} sensors`],
      });
      const found = await eventually(async () => {
        const page = await client.as(owner.accessToken).get(`/api/companies?q=${word}`).expect(200);
        return page.body.total === 1 ? page.body : undefined;
      });
      expect(found.items[0].id).toBe(company.id);
    });

    it('lets an organiser edit any company', async () => {
      const company = await client.company(owner.accessToken);
      await client
        .as(organiser.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ employees: '250+' })
        .expect(200);
      const read = await client
        .as(owner.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(200);
      expect(read.body.employees).toBe('250+');
    });

    it("refuses another member's edit (403) and changes nothing", async () => {
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      await client
        .as(other.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ city: 'Stolen' })
        .expect(403);
      const read = await client
        .as(owner.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(200);
      expect(read.body.city).toBe(company.city);
    });

    it('refuses bad input (400), status changes (400) and unknown ids (404), changing nothing', async () => {
      const company = await client.company(owner.accessToken);
      const bad = await client
        .as(owner.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ city: 'Sha Tin', timezone: 'Nowhere/Else' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['timezone']);
      await client
        .as(owner.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ status: 'verified' })
        .expect(400);
      const read = await client
        .as(owner.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(200);
      expect(read.body).toMatchObject({ city: company.city, status: 'pending' });
      await client
        .as(owner.accessToken)
        .patch('/api/companies/6a1f2a0e-0000-4000-8000-000000000000')
        .send({ city: 'X' })
        .expect(404);
    });

    it('refuses a rename onto an existing company (409)', async () => {
      const first = await client.company(owner.accessToken);
      const second = await client.company(owner.accessToken);
      const response = await client
        .as(owner.accessToken)
        .patch(`/api/companies/${second.id}`)
        .send({ name: first.name })
        .expect(409);
      expect(response.body.code).toBe('company.duplicate');
    });
  });

  describe('POST /api/companies/:id/verification', () => {
    it('lets an organiser verify or reject, and records when', async () => {
      const company = await client.company(owner.accessToken);
      const verified = await client
        .as(organiser.accessToken)
        .post(`/api/companies/${company.id}/verification`)
        .send({ status: 'verified' })
        .expect(200);
      expect(verified.body).toMatchObject({
        status: 'verified',
        statusChangedAt: expect.any(String),
      });
      const rejected = await client
        .as(organiser.accessToken)
        .post(`/api/companies/${company.id}/verification`)
        .send({ status: 'rejected' })
        .expect(200);
      expect(rejected.body.status).toBe('rejected');
    });

    it('keeps the reason of a rejection for the company’s users and organisers, until verified', async () => {
      const company = await client.company(owner.accessToken);
      const reason = 'The business registration number does not match the company name.';
      const decide = (body: Record<string, unknown>) =>
        client
          .as(organiser.accessToken)
          .post(`/api/companies/${company.id}/verification`)
          .send(body)
          .expect(200);
      const rejected = await decide({ status: 'rejected', reason });
      expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: reason });
      const [stored] = await client.app
        .get(DataSource)
        .query<{ status_changed_by: string; status_changed_at: Date }[]>(
          'SELECT status_changed_by, status_changed_at FROM companies WHERE id = $1',
          [company.id],
        );
      expect(stored.status_changed_by).toBe(organiser.user.id);
      expect(stored.status_changed_at.toISOString()).toBe(rejected.body.statusChangedAt);
      for (const reader of [owner, organiser]) {
        const read = await client
          .as(reader.accessToken)
          .get(`/api/companies/${company.id}`)
          .expect(200);
        expect(read.body).toMatchObject({ status: 'rejected', statusReason: reason });
      }
      const mine = await client
        .as(owner.accessToken)
        .get('/api/companies?status=rejected&pageSize=100')
        .expect(200);
      expect(mine.body.items.find((c: CompanyView) => c.id === company.id)?.statusReason).toBe(
        reason,
      );
      // Another firm reads neither the company nor its reason.
      const stranger = await client.signUp();
      await client.as(stranger.accessToken).get(`/api/companies/${company.id}`).expect(403);
      const theirs = await client
        .as(stranger.accessToken)
        .get('/api/companies?status=rejected&pageSize=100')
        .expect(200);
      expect(theirs.body.items.map((c: CompanyView) => c.id)).not.toContain(company.id);

      // Verified later: the reason is gone, for everyone.
      const verified = await decide({ status: 'verified' });
      expect(verified.body).toMatchObject({ status: 'verified', statusReason: null });
      for (const reader of [owner, stranger]) {
        const read = await client
          .as(reader.accessToken)
          .get(`/api/companies/${company.id}`)
          .expect(200);
        expect(read.body.statusReason).toBeNull();
      }
      const [{ status_reason }] = await client.app
        .get(DataSource)
        .query<{ status_reason: string | null }[]>(
          'SELECT status_reason FROM companies WHERE id = $1',
          [company.id],
        );
      expect(status_reason).toBeNull();
    });

    it('is refused to members, even the owner (403), and checks its input (400, 404)', async () => {
      const company = await client.company(owner.accessToken);
      await client
        .as(owner.accessToken)
        .post(`/api/companies/${company.id}/verification`)
        .send({ status: 'verified' })
        .expect(403);
      const bad = await client
        .as(organiser.accessToken)
        .post(`/api/companies/${company.id}/verification`)
        .send({ status: 'pending' })
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['status']);
      await client
        .as(organiser.accessToken)
        .post('/api/companies/6a1f2a0e-0000-4000-8000-000000000000/verification')
        .send({ status: 'verified' })
        .expect(404);
      const read = await client
        .as(owner.accessToken)
        .get(`/api/companies/${company.id}`)
        .expect(200);
      expect(read.body.status).toBe('pending');
    });
  });

  describe('GET /api/companies (the directory)', () => {
    let country: string;
    let mine: CompanyView;
    let theirsPending: CompanyView;
    let theirsVerified: CompanyView;
    let tag: string;

    beforeAll(async () => {
      // A country of its own, so that other tests' companies do not disturb the counts: no other
      // suite makes firms in Liechtenstein (Finland was taken by the live presence suite).
      country = 'LI';
      tag = unique('quasarlink').replace(/[^a-z0-9]/g, '');
      const lister = await client.signUp();
      const rival = await client.signUp();
      const base = { country, timezone: 'Europe/Vaduz', city: 'Vaduz' };
      mine = await client.company(lister.accessToken, { ...base, sectors: ['software'] });
      theirsPending = await client.company(rival.accessToken, { ...base, sectors: ['software'] });
      theirsVerified = await client.verifiedCompany(rival.accessToken, organiser.accessToken, {
        ...base,
        sectors: ['information-security'],
        description: `Makers of the ${tag} intrusion detection appliance.`,
      });
      for (let index = 0; index < 3; index++) {
        await client.verifiedCompany(rival.accessToken, organiser.accessToken, {
          ...base,
          sectors: ['hardware'],
        });
      }
      owner = lister;
    });

    it('shows members verified companies and their own, not others still pending', async () => {
      const response = await client
        .as(owner.accessToken)
        .get(`/api/companies?country=${country}&pageSize=100`)
        .expect(200);
      const ids = response.body.items.map((company: CompanyView) => company.id);
      expect(ids).toContain(mine.id);
      expect(ids).toContain(theirsVerified.id);
      expect(ids).not.toContain(theirsPending.id);
      expect(response.body.total).toBe(5);
    });

    it('shows organisers everything and filters by status', async () => {
      const all = await client
        .as(organiser.accessToken)
        .get(`/api/companies?country=${country}&pageSize=100`)
        .expect(200);
      expect(all.body.total).toBe(6);
      const pending = await client
        .as(organiser.accessToken)
        .get(`/api/companies?country=${country}&status=pending`)
        .expect(200);
      expect(pending.body.items.map((company: CompanyView) => company.id).sort()).toEqual(
        [mine.id, theirsPending.id].sort(),
      );
    });

    it('filters by sector and paginates in name order', async () => {
      const hardware = await client
        .as(organiser.accessToken)
        .get(`/api/companies?country=${country}&sector=hardware&pageSize=2&page=2`)
        .expect(200);
      expect(hardware.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(hardware.body.items).toHaveLength(1);
      const firstPage = await client
        .as(organiser.accessToken)
        .get(`/api/companies?country=${country}&sector=hardware&pageSize=2`)
        .expect(200);
      const names = firstPage.body.items.map((company: CompanyView) => company.name);
      expect(names).toEqual([...names].sort());
    });

    it('finds companies by words and word prefixes once the worker has indexed them', async () => {
      const found = await eventually(async () => {
        const response = await client
          .as(owner.accessToken)
          .get(`/api/companies?q=${tag.slice(0, 8)}`)
          .expect(200);
        return response.body.total > 0 ? response.body : undefined;
      });
      expect(found.items.map((company: CompanyView) => company.id)).toEqual([theirsVerified.id]);
      const none = await client.as(owner.accessToken).get(`/api/companies?q=${tag}zzz`).expect(200);
      expect(none.body.total).toBe(0);
    });

    it('refuses bad filters and unknown query parameters, naming each (400)', async () => {
      const response = await client
        .as(owner.accessToken)
        .get(
          '/api/companies?country=Finland&sector=mining&status=great&page=0&pageSize=1000&sort=name',
        )
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual([
        'country',
        'page',
        'pageSize',
        'sector',
        'sort',
        'status',
      ]);
    });

    it('needs a token (401)', async () => {
      await client.http.get('/api/companies').expect(401);
    });
  });
});
