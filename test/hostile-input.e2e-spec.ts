import { randomUUID } from 'node:crypto';
import { PASSWORD, useApi, type Account } from './support/client';
import { LiveClients, listen, request } from './support/live';

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

  it('refuses a matches offset too large with a 400 naming it', async () => {
    const response = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${randomUUID()}/matches?companyId=${randomUUID()}&offset=1e300`)
      .expect(400);
    expect(Object.keys(response.body.fields)).toEqual(['offset']);
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

  describe('live', () => {
    const live = new LiveClients();
    afterAll(() => live.closeAll());

    it('answers a message with a constructor key with a 400, not a 500', async () => {
      const url = await listen(client.app);
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
  });
});
