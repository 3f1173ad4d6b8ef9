import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { CompanyMember } from '../src/companies/company-member.entity';
import { startApi } from './support/app';
import { companyInput, PASSWORD, TestClient, unique, useApi, type Account } from './support/client';
import { connected, LiveClients, listen, refused, request } from './support/live';

/** Issue 8 part 4: headers, CORS, rate limits, token expiry, disabled users, secrets in logs. */

/** A raw request, so that nothing (supertest, fetch) adds or drops headers such as Origin. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('security headers', () => {
  const client = useApi();
  const WEB_BUILT = existsSync(join(__dirname, '..', 'dist', 'web', 'index.html'));

  const expectHelmet = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  };
  const directives = (csp: string) =>
    Object.fromEntries(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );

  it('sends helmet headers and a strict CSP (no inline script or style) on API answers and errors', async () => {
    for (const url of ['/api/taxonomy', '/api/nowhere', '/api/auth/me', '/api/docs/openapi.json']) {
      const response = await client.http.get(url);
      expectHelmet(response.headers);
      const csp = directives(response.headers['content-security-policy']);
      expect([url, csp['script-src'], csp['style-src']]).toEqual([url, ["'self'"], ["'self'"]]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
    }
  });

  (WEB_BUILT ? it : it.skip)(
    'sends the strict CSP with the web app, whose page has no inline script',
    async () => {
      for (const url of ['/', '/sessions/some-id/live']) {
        const response = await client.http.get(url).expect(200);
        expect(response.text).toContain('<div id="root">');
        expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        expect(response.text).not.toMatch(/<style/);
        expectHelmet(response.headers);
        const csp = directives(response.headers['content-security-policy']);
        expect(csp['script-src']).toEqual(["'self'"]);
        expect(csp['connect-src']).toEqual(["'self'"]);
        expect(csp['media-src']).toEqual(["'self'", 'blob:']);
      }
    },
  );

  it("relaxes the CSP for Swagger UI's pages only ('unsafe-inline' under /api/docs)", async () => {
    const page = await client.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    const csp = directives(page.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expectHelmet(page.headers);
  });
});

describe('CORS: CORS_ORIGINS only, on HTTP and on the live connection', () => {
  const ALLOWED = 'https://app.example.org';
  const client = useApi({ CORS_ORIGINS: ALLOWED });
  let url: string;
  let member: Account;
  const live = new LiveClients();

  beforeAll(async () => {
    url = await listen(client.app);
    member = await client.signUp();
  });
  afterAll(() => live.closeAll());

  it('grants an allowed origin, on a simple request and a preflight, and no other', async () => {
    const allowed = await raw(`${url}/api/taxonomy`, { headers: { Origin: ALLOWED } });
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    const preflight = await raw(`${url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);

    for (const origin of ['https://evil.example', 'https://app.example.org.evil.example', 'null']) {
      const other = await raw(`${url}/api/taxonomy`, { headers: { Origin: origin } });
      expect([origin, other.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
      const otherPreflight = await raw(`${url}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(otherPreflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it("grants socket.io's polling handshake to an allowed origin only", async () => {
    const path = '/socket.io/?EIO=4&transport=polling';
    const allowed = await raw(`${url}${path}`, { headers: { Origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    const other = await raw(`${url}${path}`, { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a WebSocket from another origin (browsers apply no CORS to WebSockets)', async () => {
    const evil = io(`${url}/live`, {
      auth: { token: member.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Origin: 'https://evil.example' },
    });
    try {
      await refused(evil);
    } finally {
      evil.disconnect();
    }
    const good = io(`${url}/live`, {
      auth: { token: member.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Origin: ALLOWED },
    });
    try {
      await connected(good);
    } finally {
      good.disconnect();
    }
    // The API's own origin (the web app it serves) and clients that send none are let in.
    const host = new URL(url).host;
    const own = live.connect(url, member.accessToken, {
      extraHeaders: { Origin: `http://${host}` },
    });
    await connected(own);
    await live.connected(url, member.accessToken);
  });
});

describe('rate limits (RATE_LIMIT_PER_MINUTE, here 3) on sign-up, sign-in and meeting requests', () => {
  // Accounts and data are made through the suite's API (limit 100,000); the limited one is
  // another API process on the same database with a Redis prefix of its own.
  const client = useApi();
  let limited: TestClient;

  beforeAll(async () => {
    limited = new TestClient(
      await startApi({
        RATE_LIMIT_PER_MINUTE: '3',
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl3`,
      }),
    );
  });
  afterAll(() => limited.app.close());

  const expect429 = (response: {
    status: number;
    body: Record<string, unknown>;
    headers: Record<string, string>;
  }) => {
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
  };

  it('limits sign-ups and sign-ins together, per address, with 429 and Retry-After', async () => {
    const email = `${unique('rl')}@example.org`;
    await limited.http
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, name: 'R' })
      .expect(201);
    await limited.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    await limited.http
      .post('/api/auth/login')
      .send({ email, password: 'wrong-password' })
      .expect(401);
    expect429(await limited.http.post('/api/auth/login').send({ email, password: PASSWORD }));
    expect429(
      await limited.http
        .post('/api/auth/register')
        .send({ email: `${unique('rl')}@example.org`, password: PASSWORD, name: 'R' }),
    );
    // Other routes are not limited.
    await limited.http.get('/api/taxonomy').expect(200);
  });

  it('counts the client behind TRUST_PROXY_HOPS proxies, and ignores a forged X-Forwarded-For without', async () => {
    const register = (api: TestClient, forwardedFor: string) =>
      api.http
        .post('/api/auth/register')
        .set('X-Forwarded-For', forwardedFor)
        .send({ email: `${unique('xff')}@example.org`, password: PASSWORD, name: 'X' });
    // No proxy trusted: each request names another address, all count against the real one.
    const forged = [];
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']) {
      forged.push((await register(limited, address)).status);
    }
    expect(forged.at(-1)).toBe(429);
    // Behind one proxy: the address the proxy saw is the client, each with a budget of its own.
    const proxied = new TestClient(
      await startApi({
        RATE_LIMIT_PER_MINUTE: '3',
        TRUST_PROXY_HOPS: '1',
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-xff`,
      }),
    );
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await register(proxied, '203.0.113.7')).status).toBe(201);
      }
      expect429(await register(proxied, '203.0.113.7'));
      expect((await register(proxied, '203.0.113.8')).status).toBe(201);
    } finally {
      await proxied.app.close();
    }
  });

  it('limits meeting requests per address, with 429 and Retry-After', async () => {
    {
      const organiser = await client.organiser();
      const asker = await client.signUp();
      const asked = await client.signUp();
      const from = await client.verifiedCompany(asker.accessToken, organiser.accessToken);
      const sessionId = await client.videoSession(
        organiser.accessToken,
        Date.UTC(2034, 0, 5, 13),
        60,
      );
      const targets = [];
      for (let index = 0; index < 4; index += 1) {
        targets.push(
          await client.verifiedCompany(asked.accessToken, organiser.accessToken, {
            country: 'CA',
            city: 'Toronto',
            timezone: 'America/Toronto',
          }),
        );
      }
      for (const [token, company] of [
        [asker.accessToken, from],
        ...targets.map((target) => [asked.accessToken, target] as const),
      ] as const) {
        await client
          .as(token)
          .post(`/api/sessions/${sessionId}/participants`)
          .send({ companyId: company.id })
          .expect(201);
      }
      const ask = (toCompanyId: string) =>
        limited
          .as(asker.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: from.id, toCompanyId });
      for (const target of targets.slice(0, 3)) await ask(target.id).expect(201);
      expect429(await ask(targets[3].id));
      // Answering requests is not limited.
      await limited
        .as(asker.accessToken)
        .get(`/api/sessions/${sessionId}/requests?companyId=${from.id}`)
        .expect(200);
    }
  });
});

describe('token expiry (JWT_EXPIRES_IN)', () => {
  const client = useApi({ JWT_EXPIRES_IN: '2s' });
  const live = new LiveClients();
  afterAll(() => live.closeAll());

  it('refuses a token once it has expired, on HTTP (401) and at the live handshake', async () => {
    const { accessToken } = await client.signUp();
    await client.as(accessToken).get('/api/auth/me').expect(200);
    const url = await listen(client.app);
    await live.connected(url, accessToken);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const response = await client.as(accessToken).get('/api/auth/me').expect(401);
    expect(response.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'auth.token_invalid',
    });
    await refused(live.connect(url, accessToken));
  });
});

describe('disabled users (PATCH /api/users/:id {disabled})', () => {
  const client = useApi();
  const live = new LiveClients();
  let admin: Account;
  let url: string;
  afterAll(() => live.closeAll());

  beforeAll(async () => {
    admin = await client.admin();
    url = await listen(client.app);
  });

  const disable = (id: string, disabled: boolean) =>
    client.as(admin.accessToken).patch(`/api/users/${id}`).send({ disabled });

  it("stops a disabled user's tokens at once, closes their live connections, and refuses sign-in", async () => {
    const member = await client.signUp();
    await client.company(member.accessToken, companyInput());
    const socket = await live.connected(url, member.accessToken);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const response = await disable(member.user.id, true).expect(200);
    expect(response.body.user).toMatchObject({
      id: member.user.id,
      disabled: true,
      disabledAt: expect.any(String),
    });

    const refusedCall = await client.as(member.accessToken).get('/api/auth/me').expect(401);
    expect(refusedCall.body).toMatchObject({ statusCode: 401, code: 'auth.user_disabled' });
    await client.as(member.accessToken).post('/api/companies').send(companyInput()).expect(401);
    expect(await dropped).toBe('io server disconnect');
    await refused(live.connect(url, member.accessToken));
    const signIn = await client.http
      .post('/api/auth/login')
      .send({ email: member.user.email, password: PASSWORD })
      .expect(403);
    expect(signIn.body).toMatchObject({ statusCode: 403, code: 'auth.user_disabled' });

    // Enabled again, the same token works (it has not expired).
    const enabled = await disable(member.user.id, false).expect(200);
    expect(enabled.body.user).toMatchObject({ disabled: false, disabledAt: null });
    await client.as(member.accessToken).get('/api/auth/me').expect(200);
    await live.connected(url, member.accessToken);
    await client.signIn(member.user.email);
  });

  it('refuses bad input, unknown users and disabling oneself', async () => {
    const member = await client.signUp();
    const bad = await disable(member.user.id, 'yes' as unknown as boolean).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['disabled']);
    await client
      .as(admin.accessToken)
      .patch(`/api/users/${member.user.id}`)
      .send({ role: 'admin' })
      .expect(400);
    await client
      .as(admin.accessToken)
      .patch('/api/users/not-a-uuid')
      .send({ disabled: true })
      .expect(400);
    await disable('00000000-0000-4000-8000-000000000000', true).expect(404);
    const self = await disable(admin.user.id, true).expect(409);
    expect(self.body.code).toBe('user.disable_self');
    await client.as(admin.accessToken).get('/api/auth/me').expect(200);
  });

  it('stops a calendar feed key once its user is disabled or no longer speaks for the company', async () => {
    const organiser = await client.organiser();
    const member = await client.signUp();
    const company = await client.company(member.accessToken, companyInput());
    const sessionId = await client.videoSession(
      organiser.accessToken,
      Date.UTC(2033, 0, 10, 1, 0),
      60,
      { status: 'open' },
    );
    const feedOf = async (token: string) =>
      (
        await client
          .as(token)
          .get(`/api/sessions/${sessionId}/agenda/feed?companyId=${company.id}`)
          .expect(200)
      ).body.url as string;
    const feed = await feedOf(member.accessToken);
    await client.http.get(feed).expect(200);

    await disable(member.user.id, true).expect(200);
    const closed = await client.http.get(feed).expect(404);
    expect(closed.body).toMatchObject({ statusCode: 404, code: 'calendar_feed.not_found' });
    // Enabled again, the key works again, as its tokens do.
    await disable(member.user.id, false).expect(200);
    await client.http.get(feed).expect(200);

    // No longer one of the company's users: the key opens nothing; an organiser's still does.
    await client.app
      .get(DataSource)
      .getRepository(CompanyMember)
      .delete({ userId: member.user.id, companyId: company.id });
    await client.http.get(feed).expect(404);
    await client.http.get(await feedOf(organiser.accessToken)).expect(200);
  });

  it('lets admins find the account to disable (GET /api/users), and nobody else', async () => {
    const name = unique('Findable Person');
    const member = await client.signUp({ name });
    const list = (query: string, token = admin.accessToken) =>
      client.as(token).get(`/api/users?${query}`);
    const found = await list(`q=${encodeURIComponent(name.toUpperCase())}`).expect(200);
    expect(found.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(found.body.items).toEqual([
      {
        id: member.user.id,
        email: member.user.email,
        name,
        role: 'member',
        emailVerified: false,
        createdAt: expect.any(String),
        disabled: false,
        disabledAt: null,
      },
    ]);
    expect(JSON.stringify(found.body)).not.toMatch(/password/i);
    // LIKE's wildcards are plain characters in q.
    expect((await list('q=%25').expect(200)).body.total).toBe(0);

    await disable(member.user.id, true).expect(200);
    const disabled = await list('disabled=true&role=member&pageSize=100').expect(200);
    expect(disabled.body.items.map((user: { id: string }) => user.id)).toContain(member.user.id);
    const enabled = await list('disabled=false&role=member&pageSize=100').expect(200);
    expect(enabled.body.items.map((user: { id: string }) => user.id)).not.toContain(member.user.id);
    const admins = await list('role=admin').expect(200);
    expect(admins.body.items.map((user: { id: string }) => user.id)).toContain(admin.user.id);

    const bad = await list('role=king&disabled=maybe&page=0').expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['disabled', 'page', 'role']);
    // (The member found above is disabled by now: a 401. Another member is refused with 403.)
    await list('', member.accessToken).expect(401);
    const other = await client.signUp();
    await list('', other.accessToken).expect(403);
    await client.http.get('/api/users').expect(401);
  });

  it('is for admins only (organisers and members 403, nobody 401)', async () => {
    const [member, organiser] = await Promise.all([client.signUp(), client.organiser()]);
    await client
      .as(organiser.accessToken)
      .patch(`/api/users/${member.user.id}`)
      .send({ disabled: true })
      .expect(403);
    await client
      .as(member.accessToken)
      .patch(`/api/users/${member.user.id}`)
      .send({ disabled: true })
      .expect(403);
    await client.http.patch(`/api/users/${member.user.id}`).send({ disabled: true }).expect(401);
  });
});

describe('secrets never reach the logs', () => {
  const DIST = join(__dirname, '..', 'dist', 'main.js');
  const client = useApi();

  it('logs (at debug) no password, token, calendar key, JWT_SECRET or database password', async () => {
    if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    const dbPassword = `db-pw-${unique('secret')}`;
    // The machine's PostgreSQL trusts local connections: the password is never checked, only carried.
    const databaseUrl = process.env.DATABASE_URL!.replace(
      'postgres://postgres@',
      `postgres://postgres:${dbPassword}@`,
    );
    const jwtSecret = `jwt-secret-${unique('s')}-0123456789abcdef0123456789`;
    const port = String(40000 + Math.floor(Math.random() * 20000));
    const child = spawn(process.execPath, [DIST], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.REDIS_URL,
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-logs`,
        JWT_SECRET: jwtSecret,
        ADMIN_EMAIL: process.env.ADMIN_EMAIL,
        ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
        LOG_LEVEL: 'debug',
        PORT: port,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + 20_000;
      while (
        !(await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (Date.now() > deadline)
          throw new Error(`the API did not start:\n${output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const post = (path: string, body: unknown, token?: string) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
      const email = `${unique('logged')}@example.org`;
      const password = `pw-${unique('never-logged')}`;
      const registered = (await (
        await post('/api/auth/register', { email, password, name: 'Log' })
      ).json()) as { accessToken: string };
      const signedIn = (await (await post('/api/auth/login', { email, password })).json()) as {
        accessToken: string;
      };
      await post('/api/auth/login', { email, password: `${password}-wrong` });
      await post('/api/auth/register', { email: 'not-an-email', password, name: 'X' });
      await fetch(`${base}/api/auth/me`, {
        headers: { authorization: `Bearer ${signedIn.accessToken}` },
      });
      await fetch(`${base}/api/auth/me`, {
        headers: { authorization: `Bearer ${signedIn.accessToken}x` },
      });
      await post('/api/companies', { name: 1 }, registered.accessToken);

      // A calendar feed key (a credential in a link) of a real agenda.
      const organiser = await client.organiser();
      const member = await client.signUp();
      const company = await client.verifiedCompany(member.accessToken, organiser.accessToken);
      const sessionId = await client.videoSession(
        organiser.accessToken,
        Date.UTC(2034, 5, 1, 13),
        60,
      );
      await client
        .as(member.accessToken)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: company.id })
        .expect(201);
      // Through the logging process, whose JWT_SECRET signs the key.
      const memberThere = (await (
        await post('/api/auth/login', { email: member.user.email, password: PASSWORD })
      ).json()) as { accessToken: string };
      const feed = {
        body: (await (
          await fetch(`${base}/api/sessions/${sessionId}/agenda/feed?companyId=${company.id}`, {
            headers: { authorization: `Bearer ${memberThere.accessToken}` },
          })
        ).json()) as { url: string },
      };
      const key = new URL(feed.body.url, base).searchParams.get('key') ?? '';
      expect((await fetch(`${base}${feed.body.url}`)).status).toBe(200);

      // The live handshake, good and bad.
      const socket = io(`${base}/live`, {
        auth: { token: signedIn.accessToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await connected(socket);
      await request(socket, 'session:join', { sessionId });
      socket.disconnect();
      await refused(
        io(`${base}/live`, {
          auth: { token: `${signedIn.accessToken}x` },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(output).toContain('"level":20'); // debug lines were written
      expect(output).toContain('/api/auth/login');
      expect(output).toContain('/api/calendar/agenda.ics?key=[redacted]');
      const leaks = {
        password: output.includes(password),
        accessToken: output.includes(registered.accessToken.split('.')[2]),
        signedInToken: output.includes(signedIn.accessToken.split('.')[2]),
        memberToken: output.includes(memberThere.accessToken.split('.')[2]),
        calendarKey: key.length > 0 && output.includes(key.split('.')[2]),
        jwtSecret: output.includes(jwtSecret),
        databasePassword: output.includes(dbPassword),
        adminPassword: output.includes(process.env.ADMIN_PASSWORD!),
      };
      expect(leaks).toEqual({
        password: false,
        accessToken: false,
        signedInToken: false,
        memberToken: false,
        calendarKey: false,
        jwtSecret: false,
        databasePassword: false,
        adminPassword: false,
      });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
