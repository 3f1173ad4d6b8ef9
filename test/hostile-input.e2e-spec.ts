import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  PASSWORD,
  companyInput,
  unique,
  useApi,
  type Account,
  sessionInput,
  delegationInput,
} from './support/client';
import { LiveClients, listen, request } from './support/live';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NUL = 'must not contain a NUL character (U+0000)';
const SURROGATE =
  'must not contain an unpaired surrogate (a broken character that is not valid Unicode)';

/** Regression tests for what the fuzz suite (fuzz.e2e-spec.ts) found, one bug each. */
describe('hostile input: bugs the fuzzer found', () => {
  const client = useApi();
  let member: Account;
  let organiser: Account;

  beforeAll(async () => {
    [member, organiser] = await Promise.all([client.signUp(), client.organiser()]);
  });

  it('refuses a page number too large for SQL with a 400 naming it (was a 500)', async () => {
    for (const url of ['/api/companies', '/api/sessions', '/api/delegations']) {
      const response = await client
        .as(organiser.accessToken)
        .get(`${url}?page=1.1054087779066137e%2B294`)
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
      expect(Object.keys(response.body.fields)).toEqual(['page']);
    }
    await client.as(organiser.accessToken).get('/api/companies?page=100000').expect(200);
  });

  it('refuses a matches page too large with a 400 naming it', async () => {
    const response = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${randomUUID()}/matches?companyId=${randomUUID()}&page=1e300`)
      .expect(400);
    expect(Object.keys(response.body.fields)).toEqual(['page']);
  });

  it('takes JSON only: a form post or text on a JSON route is 415 (a form could sign in)', async () => {
    const form = await client.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`email=${encodeURIComponent(member.user.email)}&password=${PASSWORD}`)
      .expect(415);
    expect(form.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    expect(form.body.accessToken).toBeUndefined();
    const text = await client.http
      .post('/api/auth/register')
      .set('Content-Type', 'text/plain')
      .send('{"email":"x@example.org"}')
      .expect(415);
    expect(text.body.message).toContain('application/json');
    // The one route that reads text still does.
    await client
      .as(organiser.accessToken)
      .post('/api/companies/import')
      .set('Content-Type', 'text/csv')
      .send('name,country\n')
      .expect(400);
  });

  it("answers a path whose %-escape does not decode in the error shape, naming the url (was Fastify's own body)", async () => {
    for (const url of ['/api/companies/%', '/api/sessions/%c0%af/agenda', '/api/jobs/%zz']) {
      const response = await client.as(member.accessToken).get(url).expect(400);
      expect([url, response.body]).toEqual([
        url,
        {
          statusCode: 400,
          error: 'Bad Request',
          code: 'malformed_url',
          message: expect.not.stringContaining('/api/') as unknown,
          fields: { url: ['has a malformed %-escape'] },
        },
      ]);
    }
  });

  it('names the body in a 400 for malformed JSON', async () => {
    const response = await client.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'malformed_json',
      fields: { body: ['is not valid JSON'] },
    });
  });

  it('says a missing field is required (not "must be shorter than 254 characters")', async () => {
    const response = await client.http.post('/api/auth/register').send({ name: 'Ada' }).expect(400);
    expect(response.body.fields).toEqual({ email: ['is required'], password: ['is required'] });
    const wrong = await client.http
      .post('/api/auth/register')
      .send({ email: 'x'.repeat(300), password: 'short', name: 'Ada' })
      .expect(400);
    expect(wrong.body.fields.email).not.toEqual(['is required']);
    expect(wrong.body.fields.password).toEqual(['must be at least 10 characters long']);
  });

  it('refuses a JSON body that is no object with a 400 naming the body (not its fields)', async () => {
    for (const body of ['"hello"', '42', 'null', '[]', '[{"email":"a@b.c"}]']) {
      const response = await client.http
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect([body, response.body.fields]).toEqual([body, { body: ['must be an object'] }]);
    }
  });

  it('refuses reserved keys (constructor, __proto__, prototype) by their path', async () => {
    const response = await client
      .as(member.accessToken)
      .patch(`/api/companies/${randomUUID()}`)
      .set('Content-Type', 'application/json')
      .send('{"name":"Ok Name","offers":[{"constructor":"x"}],"city":{"prototype":{}}}')
      .expect(400);
    expect(response.body.fields).toEqual({
      'offers[0].constructor': ['is not an allowed key'],
      'city.prototype': ['is not an allowed key'],
    });
    // Fastify's JSON parser refuses a constructor.prototype or __proto__ itself, also a 400.
    const poisoned = await client
      .as(member.accessToken)
      .patch(`/api/companies/${randomUUID()}`)
      .set('Content-Type', 'application/json')
      .send('{"name":{"__proto__":{"polluted":true}}}')
      .expect(400);
    expect(poisoned.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('text that cannot be stored: NUL bytes and lone surrogates (issue 12, was a 500)', () => {
    it('refuses a NUL in any free text of a body with a 400 naming the field', async () => {
      const organiserApi = client.as(organiser.accessToken);
      const company = await client.company(member.accessToken);
      const session = (await organiserApi.post('/api/sessions').send(sessionInput()).expect(201))
        .body.id as string;
      const delegation = (
        await organiserApi.post('/api/delegations').send(delegationInput()).expect(201)
      ).body.id as string;
      const cases: [string, ReturnType<typeof organiserApi.post>, string][] = [
        [
          'company name',
          client
            .as(member.accessToken)
            .post('/api/companies')
            .send(companyInput({ name: 'a\u0000b' })),
          'name',
        ],
        [
          'company tag',
          client
            .as(member.accessToken)
            .patch(`/api/companies/${company.id}`)
            .send({ offers: ['fine tag', 'bad\u0000tag'] }),
          'offers[1]',
        ],
        [
          'company city',
          client
            .as(member.accessToken)
            .patch(`/api/companies/${company.id}`)
            .send({ city: '\u0000' }),
          'city',
        ],
        [
          'session description',
          organiserApi.patch(`/api/sessions/${session}`).send({ description: 'x\u0000' }),
          'description',
        ],
        [
          'session title',
          organiserApi.post('/api/sessions').send(sessionInput({ title: 'a\u0000b' })),
          'title',
        ],
        [
          'delegation leader',
          organiserApi.patch(`/api/delegations/${delegation}`).send({ leader: 'a\u0000b' }),
          'leader',
        ],
        [
          'itinerary location',
          organiserApi.post(`/api/delegations/${delegation}/itinerary`).send({
            kind: 'site-visit',
            title: 'Campus visit',
            location: 'Otakaari\u0000',
            startsAt: '2030-06-11T09:00:00+03:00',
            endsAt: '2030-06-11T10:00:00+03:00',
          }),
          'location',
        ],
        [
          'request message',
          client
            .as(member.accessToken)
            .post(`/api/sessions/${session}/requests`)
            .send({ fromCompanyId: company.id, toCompanyId: randomUUID(), message: 'hi\u0000' }),
          'message',
        ],
        [
          'feedback comment',
          client
            .as(member.accessToken)
            .post(`/api/meetings/${randomUUID()}/feedback`)
            .send({ rating: 4, outcome: 'follow-up', comment: 'good\u0000' }),
          'comment',
        ],
      ];
      for (const [label, call, field] of cases) {
        const response = await call;
        expect([label, response.status, response.body.fields]).toEqual([
          label,
          400,
          { [field]: [NUL] },
        ]);
      }
    });

    it('refuses a NUL in the sign-in email (signed out) and in a search query', async () => {
      const login = await client.http
        .post('/api/auth/login')
        .send({ email: 'a\u0000b@example.org', password: PASSWORD })
        .expect(400);
      expect(login.body.fields).toEqual({ email: [NUL] });
      const admin = await client.admin();
      const users = await client.as(admin.accessToken).get('/api/users?q=%00').expect(400);
      expect(users.body.fields).toEqual({ q: [NUL] });
      const companies = await client
        .as(member.accessToken)
        .get('/api/companies?q=a%00')
        .expect(400);
      expect(companies.body.fields).toEqual({ q: [NUL] });
      for (const url of ['/api/companies/a%00b', '/api/jobs/a%00b']) {
        const param = await client.as(admin.accessToken).get(url);
        expect([url, param.status, param.body.fields]).toEqual([url, 400, { id: [NUL] }]);
      }
    });

    it('refuses a lone surrogate in the email of a sign-up or a new account (was a URIError)', async () => {
      const register = await client.http
        .post('/api/auth/register')
        .send({ email: 'a\ud800b@example.org', password: PASSWORD, name: 'Ada' })
        .expect(400);
      expect(register.body.fields).toEqual({ email: [SURROGATE] });
      const admin = await client.admin();
      const created = await client
        .as(admin.accessToken)
        .post('/api/users')
        .send({ email: 'x\udc00@example.org', password: PASSWORD, name: 'Ada', role: 'organiser' })
        .expect(400);
      expect(created.body.fields).toEqual({ email: [SURROGATE] });
    });

    it('refuses a CSV row with a NUL in a cell, naming the field, and stores the good rows beside it', async () => {
      const admin = await client.admin();
      const names = [unique('Good Before'), unique('Bad\u0000Row'), unique('Good After')];
      const csv = [
        'name,country,city,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees',
        ...names.map((name) => `${name},CA,Toronto,e-commerce,,,,,en,America/Toronto,10-49`),
      ].join('\n');
      const response = await client
        .as(admin.accessToken)
        .post('/api/companies/import')
        .set('Content-Type', 'text/csv')
        .send(csv);
      expect(response.status).toBe(200);
      expect(response.body.created.map((row: { name: string }) => row.name)).toEqual([
        names[0],
        names[2],
      ]);
      expect(response.body.errors).toEqual([
        {
          row: 3,
          message: expect.any(String) as unknown,
          fields: { name: [NUL] },
          rules: { name: [{ rule: 'storableText' }] },
        },
      ]);
    });
  });

  describe('null (issue 12: 1970 dates and not-null violations)', () => {
    it('refuses null dates on a session PATCH; nothing becomes 1970', async () => {
      const api = client.as(organiser.accessToken);
      const session = (await api.post('/api/sessions').send(sessionInput()).expect(201)).body;
      for (const field of ['startsAt', 'endsAt', 'requestDeadline']) {
        const response = await api.patch(`/api/sessions/${session.id}`).send({ [field]: null });
        expect([field, response.status, response.body.fields]).toEqual([
          field,
          400,
          { [field]: ['is required'] },
        ]);
      }
      const stored = (await api.get(`/api/sessions/${session.id}`).expect(200)).body;
      expect(stored.startsAt).toBe(session.startsAt);
      expect(stored.requestDeadline).toBe(session.requestDeadline);
    });

    it('refuses null for every field of a PATCH that cannot be cleared, naming it', async () => {
      const api = client.as(organiser.accessToken);
      const session = (await api.post('/api/sessions').send(sessionInput()).expect(201)).body.id;
      const delegation = (await api.post('/api/delegations').send(delegationInput()).expect(201))
        .body.id;
      const company = await client.company(member.accessToken);
      const cases: [string, string[]][] = [
        [
          `/api/sessions/${session}`,
          ['title', 'mode', 'timezone', 'slotMinutes', 'breakMinutes', 'maxMeetingsPerCompany'],
        ],
        [`/api/sessions/${session}`, ['crossBorderOnly', 'weights', 'status']],
        [
          `/api/delegations/${delegation}`,
          ['title', 'direction', 'originCountry', 'destinationCountry', 'city', 'leader'],
        ],
        [`/api/delegations/${delegation}`, ['startsOn', 'endsOn', 'timezone', 'capacity']],
        [`/api/meetings/${randomUUID()}`, ['fixed', 'status']],
      ];
      for (const [url, fields] of cases) {
        const token = url.startsWith('/api/meetings') ? member.accessToken : organiser.accessToken;
        const response = await client
          .as(token)
          .patch(url)
          .send(Object.fromEntries(fields.map((field) => [field, null])));
        expect([url, response.status, response.body.fields]).toEqual([
          url,
          400,
          Object.fromEntries(fields.map((field) => [field, ['is required']])),
        ]);
      }
      const profile = Object.keys(companyInput()).filter(
        (field) => field !== 'website' && field !== 'description',
      );
      const response = await client
        .as(member.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send(Object.fromEntries(profile.map((field) => [field, null])))
        .expect(400);
      expect(response.body.fields).toEqual(
        Object.fromEntries(profile.map((field) => [field, ['is required']])),
      );
    });

    it('refuses null for an optional field of a POST that has a default', async () => {
      const response = await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send(sessionInput({ breakMinutes: null, crossBorderOnly: null }))
        .expect(400);
      expect(response.body.fields).toEqual({
        breakMinutes: ['is required'],
        crossBorderOnly: ['is required'],
      });
    });

    it('clears a clearable field with null', async () => {
      const api = client.as(organiser.accessToken);
      const session = (
        await api
          .post('/api/sessions')
          .send(sessionInput({ sides: [['HK'], ['CA']], tables: 4, description: 'Agenda' }))
          .expect(201)
      ).body.id;
      const cleared = await api
        .patch(`/api/sessions/${session}`)
        .send({ sides: null, tables: null, delegationId: null, description: null })
        .expect(200);
      expect(cleared.body).toMatchObject({
        sides: null,
        tables: null,
        delegationId: null,
        description: '',
      });
      const delegation = (await api.post('/api/delegations').send(delegationInput()).expect(201))
        .body.id;
      const emptied = await api
        .patch(`/api/delegations/${delegation}`)
        .send({ description: null })
        .expect(200);
      expect(emptied.body.description).toBe('');
      const company = await client.company(member.accessToken);
      const profile = await client
        .as(member.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ website: null, description: null })
        .expect(200);
      expect(profile.body).toMatchObject({ website: null, description: '' });
    });
  });

  describe('bounds (issue 12: a decade-long session read a million slots)', () => {
    it('refuses a session longer than 7 days, on POST and on a PATCH of the stored session', async () => {
      const api = client.as(organiser.accessToken);
      const decade = await api
        .post('/api/sessions')
        .send(
          sessionInput({
            startsAt: '2030-01-01T00:00:00Z',
            endsAt: '2040-01-01T00:00:00Z',
            slotMinutes: 5,
            requestDeadline: '2029-12-01T00:00:00Z',
          }),
        )
        .expect(400);
      expect(decade.body.fields).toEqual({
        endsAt: ['must be within 7 days of the start: a session lasts at most 7 days'],
      });
      const session = (await api.post('/api/sessions').send(sessionInput()).expect(201)).body;
      const longer = await api
        .patch(`/api/sessions/${session.id}`)
        .send({ endsAt: new Date(Date.parse(session.startsAt) + 8 * DAY).toISOString() })
        .expect(400);
      expect(Object.keys(longer.body.fields)).toEqual(['endsAt']);
      const week = await api
        .patch(`/api/sessions/${session.id}`)
        .send({ endsAt: new Date(Date.parse(session.startsAt) + 7 * DAY).toISOString() })
        .expect(200);
      expect(week.body.endsAt).toBe(new Date(Date.parse(session.startsAt) + 7 * DAY).toISOString());
    });

    it('answers a weights array of 10,000 items with a short 400 naming weights (was 1 MiB of errors)', async () => {
      const api = client.as(organiser.accessToken);
      const refused = await api
        .post('/api/sessions')
        .send(sessionInput({ weights: Array.from({ length: 10_000 }, () => ({ sector: 2 })) }))
        .expect(400);
      expect(refused.body.fields).toEqual({
        weights: ['must be an object such as {"sector": 0.3}'],
      });
      expect(JSON.stringify(refused.body).length).toBeLessThan(2_000);
    });

    it('refuses far-past and far-future instants and dates', async () => {
      const api = client.as(organiser.accessToken);
      const past = await api
        .post('/api/sessions')
        .send(sessionInput({ requestDeadline: '1970-01-01T00:00:00Z' }))
        .expect(400);
      expect(past.body.fields).toEqual({
        requestDeadline: ['must be a date-time between 2000 and 2099'],
      });
      const future = await api
        .post('/api/delegations')
        .send(delegationInput({ startsOn: '9999-01-01', endsOn: '9999-01-02' }))
        .expect(400);
      expect(future.body.fields).toEqual({
        startsOn: ['must be a date between 2000 and 2099'],
        endsOn: ['must be a date between 2000 and 2099'],
      });
    });

    it('refuses a delegation longer than 60 days, on POST and PATCH', async () => {
      const api = client.as(organiser.accessToken);
      const long = await api
        .post('/api/delegations')
        .send(delegationInput({ startsOn: '2030-01-01', endsOn: '2031-01-01' }))
        .expect(400);
      expect(long.body.fields).toEqual({
        endsOn: ['must be within 60 days of the first day: a delegation lasts at most 60 days'],
      });
      const delegation = (await api.post('/api/delegations').send(delegationInput()).expect(201))
        .body.id;
      await api.patch(`/api/delegations/${delegation}`).send({ endsOn: '2030-08-30' }).expect(400);
      await api.patch(`/api/delegations/${delegation}`).send({ endsOn: '2030-08-08' }).expect(200);
    });

    it('refuses an itinerary item beyond 300 with a 409', async () => {
      const api = client.as(organiser.accessToken);
      const delegation = (await api.post('/api/delegations').send(delegationInput()).expect(201))
        .body.id as string;
      const item = (hour: number) => ({
        kind: 'seminar',
        title: `Item ${hour}`,
        startsAt: new Date(Date.UTC(2030, 5, 10, 6) + hour * 60_000).toISOString(),
        endsAt: new Date(Date.UTC(2030, 5, 10, 6) + (hour + 1) * 60_000).toISOString(),
      });
      await api.post(`/api/delegations/${delegation}/itinerary`).send(item(0)).expect(201);
      await client.app.get(DataSource).query(
        `INSERT INTO itinerary_items (delegation_id, kind, title, location, starts_at, ends_at)
         SELECT $1, 'seminar', 'Item ' || n, '', $2::timestamptz, $3::timestamptz
           FROM generate_series(1, 299) AS n`,
        [delegation, item(1).startsAt, item(1).endsAt],
      );
      const full = await api
        .post(`/api/delegations/${delegation}/itinerary`)
        .send(item(2))
        .expect(409);
      expect(full.body.code).toBe('delegation.itinerary_full');
    });

    it('refuses an availability window that is no object (was a RangeError)', async () => {
      const company = await client.company(member.accessToken);
      const session = (
        await client
          .as(organiser.accessToken)
          .post('/api/sessions')
          .send(sessionInput())
          .expect(201)
      ).body.id;
      for (const availability of [[[]], [null], ['x']]) {
        const response = await client
          .as(member.accessToken)
          .post(`/api/sessions/${session}/participants`)
          .send({ companyId: company.id, availability });
        expect([availability, response.status, response.body.fields]).toEqual([
          availability,
          400,
          { availability: ['must each be an object with from and to'] },
        ]);
      }
    });
  });

  describe('live', () => {
    const live = new LiveClients();
    let url: string;
    beforeAll(async () => {
      url = await listen(client.app);
    });
    afterAll(() => live.closeAll());

    it('answers a message with a constructor key with a 400, not a 500', async () => {
      const socket = await live.connected(url, member.accessToken);
      for (const event of ['session:join', 'announce', 'rtc.signal']) {
        const ack = await request(socket, event, {
          sessionId: { constructor: { prototype: { polluted: true } } },
        });
        expect([event, ack]).toMatchObject([
          event,
          {
            ok: false,
            error: {
              statusCode: 400,
              fields: { 'sessionId.constructor': ['is not an allowed key'] },
            },
          },
        ]);
      }
      const signal = await request(socket, 'rtc.signal', {
        meetingId: randomUUID(),
        data: { constructor: 1 },
      });
      expect(signal).toMatchObject({
        ok: false,
        error: { statusCode: 400, fields: { 'data.constructor': ['is not an allowed key'] } },
      });
    });

    it('refuses a NUL or a lone surrogate in a message with a 400 naming the field', async () => {
      const socket = await live.connected(url, organiser.accessToken);
      const announce = await request(socket, 'announce', {
        sessionId: randomUUID(),
        text: 'Doors open\u0000',
      });
      expect(announce).toMatchObject({
        ok: false,
        error: { statusCode: 400, fields: { text: [NUL] } },
      });
      const signal = await request(socket, 'rtc.signal', {
        meetingId: randomUUID(),
        data: { sdp: 'v=0\ud800' },
      });
      expect(signal).toMatchObject({
        ok: false,
        error: { statusCode: 400, fields: { 'data.sdp': [SURROGATE] } },
      });
    });
  });
});
