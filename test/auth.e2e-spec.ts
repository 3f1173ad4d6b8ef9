import { JwtService } from '@nestjs/jwt';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/users/users.service';
import {
  argon2idOptions,
  passwordNeedsRehash,
  PREVIOUS_PASSWORD_HASH_PARAMETERS,
} from '../src/auth/password';
import { startApi } from './support/app';
import { PASSWORD, unique, useApi } from './support/client';
import { LiveClients, listen } from './support/live';

describe('accounts and roles', () => {
  const client = useApi();

  describe('POST /api/auth/register', () => {
    it('creates a member and returns a working token, never the password', async () => {
      const email = `${unique('Ada')}@Example.org`;
      const response = await client.http
        .post('/api/auth/register')
        .send({ email, password: PASSWORD, name: '  Ada Chan ' })
        .expect(201);
      expect(response.body.user).toEqual({
        id: expect.any(String),
        email: email.toLowerCase(),
        name: 'Ada Chan',
        role: 'member',
        emailVerified: false,
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(response.body)).not.toContain(PASSWORD);
      const me = await client.as(response.body.accessToken).get('/api/auth/me').expect(200);
      expect(me.body).toEqual({ user: response.body.user, companies: [] });
    });

    it('refuses a second account with the same email in any case (409)', async () => {
      const email = `${unique('dup')}@example.org`;
      await client.signUp({ email });
      const response = await client.http
        .post('/api/auth/register')
        .send({ email: email.toUpperCase(), password: PASSWORD, name: 'Again' })
        .expect(409);
      expect(response.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'user.email_taken',
      });
    });

    it('names every bad field in one 400', async () => {
      const response = await client.http
        .post('/api/auth/register')
        .send({ email: 'not-an-email', password: 'short' })
        .expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
      });
      expect(Object.keys(response.body.fields).sort()).toEqual(['email', 'name', 'password']);
      expect(response.body.message).toContain('email');
      expect(response.body.message).toContain('password');
    });

    it('refuses a role chosen by the caller (unknown fields are refused)', async () => {
      const response = await client.http
        .post('/api/auth/register')
        .send({ email: `${unique('x')}@example.org`, password: PASSWORD, name: 'X', role: 'admin' })
        .expect(400);
      expect(response.body.fields).toHaveProperty('role');
    });

    it('answers malformed JSON with a 400 in the error shape', async () => {
      const response = await client.http
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.c", ')
        .expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'malformed_json',
      });
    });

    it('refuses a body that is not JSON with 415', async () => {
      const response = await client.http
        .post('/api/auth/register')
        .set('Content-Type', 'application/xml')
        .send('<user/>')
        .expect(415);
      expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const response = await client.http
        .post('/api/auth/register')
        .send({ email: 'a@b.org', password: PASSWORD, name: 'x'.repeat(1024 * 1024 + 10) })
        .expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, code: 'body_too_large' });
    });
  });

  describe('POST /api/auth/login', () => {
    it('signs in with the right password, whatever the email case', async () => {
      const { user } = await client.signUp();
      const session = await client.signIn(user.email.toUpperCase());
      expect(session.user.id).toBe(user.id);
      await client.as(session.accessToken).get('/api/auth/me').expect(200);
    });

    it('answers a wrong password and an unknown email alike (401)', async () => {
      const { user } = await client.signUp();
      const wrong = await client.http
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong-password' });
      const unknown = await client.http
        .post('/api/auth/login')
        .send({ email: `${unique('nobody')}@example.org`, password: 'wrong-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('throttles an account after 5 failed sign-ins, even with the right password (429)', async () => {
      const { user } = await client.signUp();
      for (let attempt = 0; attempt < 5; attempt++) {
        await client.http
          .post('/api/auth/login')
          .send({ email: user.email, password: 'wrong-password' })
          .expect(401);
      }
      const response = await client.http
        .post('/api/auth/login')
        .send({ email: user.email, password: PASSWORD })
        .expect(429);
      expect(response.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      const { user } = await client.signUp();
      for (let attempt = 0; attempt < 4; attempt++) {
        await client.http
          .post('/api/auth/login')
          .send({ email: user.email, password: 'wrong-password' })
          .expect(401);
      }
      await client.signIn(user.email);
      for (let attempt = 0; attempt < 4; attempt++) {
        await client.http
          .post('/api/auth/login')
          .send({ email: user.email, password: 'wrong-password' })
          .expect(401);
      }
      await client.signIn(user.email);
    });

    it('needs both fields (400)', async () => {
      const response = await client.http.post('/api/auth/login').send({}).expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(['email', 'password']);
    });

    it('replaces a hash of the earlier parameters (64 MiB, 3 passes) at the next sign-in, not at a failed one', async () => {
      const { user, accessToken } = await client.signUp();
      const database = client.app.get(DataSource);
      const stored = async (): Promise<string> => {
        const [row] = await database.query<{ password_hash: string }[]>(
          'SELECT password_hash FROM users WHERE id = $1',
          [user.id],
        );
        return row.password_hash;
      };
      const old = await hash(PASSWORD, argon2idOptions(PREVIOUS_PASSWORD_HASH_PARAMETERS));
      await database.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, old]);
      expect(passwordNeedsRehash(old)).toBe(true);

      await client.http
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong-password' })
        .expect(401);
      expect(await stored()).toBe(old);

      const session = await client.signIn(user.email);
      expect(session.user.id).toBe(user.id);
      const upgraded = await stored();
      expect(upgraded).not.toBe(old);
      expect(passwordNeedsRehash(upgraded)).toBe(false);
      // The same password: the sessions signed in before are not signed out.
      await client.as(accessToken).get('/api/auth/me').expect(200);
      await client.as(session.accessToken).get('/api/auth/me').expect(200);

      await client.signIn(user.email);
      expect(await stored()).toBe(upgraded);
      await client.http
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong-password' })
        .expect(401);
    });

    it('keeps a password changed between the check and the rehash (the new hash is stored only over the one verified)', async () => {
      const { user } = await client.signUp();
      const database = client.app.get(DataSource);
      const users = client.app.get(UsersService);
      const old = await hash(PASSWORD, argon2idOptions(PREVIOUS_PASSWORD_HASH_PARAMETERS));
      const changed = await hash(
        'a-newer-password',
        argon2idOptions(PREVIOUS_PASSWORD_HASH_PARAMETERS),
      );
      await database.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, changed]);
      expect(await users.replacePasswordHash(user.id, old, await hash(PASSWORD))).toBe(false);
      const [row] = await database.query<{ password_hash: string }[]>(
        'SELECT password_hash FROM users WHERE id = $1',
        [user.id],
      );
      expect(row.password_hash).toBe(changed);
      await client.signIn(user.email, 'a-newer-password');
    });
  });

  describe('GET /api/auth/me and tokens', () => {
    it('needs a token (401)', async () => {
      const response = await client.http.get('/api/auth/me').expect(401);
      expect(response.body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'auth.token_missing',
      });
    });

    it('refuses a tampered token', async () => {
      const { accessToken } = await client.signUp();
      const [header, payload, signature] = accessToken.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
          role: 'admin',
        }),
      ).toString('base64url');
      await client.as(`${header}.${forged}.${signature}`).get('/api/auth/me').expect(401);
    });

    it('refuses an expired token', async () => {
      const { user } = await client.signUp();
      const expired = await new JwtService({ secret: process.env.JWT_SECRET }).signAsync(
        { sub: user.id, role: 'member' },
        { expiresIn: -10 },
      );
      const response = await client.as(expired).get('/api/auth/me').expect(401);
      expect(response.body.code).toBe('auth.token_invalid');
    });

    it('refuses a validly signed token without exp, and one whose sub is no UUID, on HTTP and at the live handshake (401, not 500)', async () => {
      const { user } = await client.signUp();
      // No signOptions: jsonwebtoken then adds no exp.
      const jwt = new JwtService({ secret: process.env.JWT_SECRET });
      const forever = await jwt.signAsync({ sub: user.id, role: 'member' });
      expect(
        JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString()),
      ).not.toHaveProperty('exp');
      const notAnId = await jwt.signAsync(
        { sub: 'not-a-uuid', role: 'member' },
        { expiresIn: 600 },
      );
      const url = await listen(client.app);
      const live = new LiveClients();
      try {
        const outcomes = [];
        for (const [name, token] of [
          ['no exp', forever],
          ['sub not a UUID', notAnId],
        ]) {
          const response = await client.as(token).get('/api/auth/me');
          const socket = live.connect(url, token);
          const handshake = await new Promise<string>((resolve) => {
            socket.once('connect', () => resolve('connected'));
            socket.once('connect_error', (error) => resolve(error.message));
          });
          outcomes.push({ name, status: response.status, code: response.body.code, handshake });
        }
        expect(outcomes).toEqual(
          ['no exp', 'sub not a UUID'].map((name) => ({
            name,
            status: 401,
            code: 'auth.token_invalid',
            handshake: expect.stringMatching(/unauthorized/),
          })),
        );
      } finally {
        live.closeAll();
      }
    });

    it('refuses a token signed with another key', async () => {
      const { user } = await client.signUp();
      const foreign = await new JwtService({
        secret: 'another-secret-another-secret-another',
      }).signAsync({ sub: user.id, role: 'admin' });
      await client.as(foreign).get('/api/auth/me').expect(401);
    });

    it('issues tokens that expire (an exp claim 12 hours on by default)', async () => {
      const { accessToken } = await client.signUp();
      const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as {
        iat: number;
        exp: number;
      };
      expect(claims.exp - claims.iat).toBe(12 * 3600);
    });
  });

  describe('POST /api/users (admins create organisers)', () => {
    it('creates the first admin at start, idempotently, and lets it create an organiser', async () => {
      const admin = await client.admin();
      expect(admin.user.role).toBe('admin');
      const email = `${unique('org')}@example.org`;
      const response = await client
        .as(admin.accessToken)
        .post('/api/users')
        .send({ email, password: PASSWORD, name: 'Grace Lau', role: 'organiser' })
        .expect(201);
      expect(response.body.user).toMatchObject({ email, role: 'organiser' });
      expect((await client.signIn(email)).user.role).toBe('organiser');

      // Starting another API process does not create a second admin nor fail.
      const second = await startApi();
      await second.close();
      const admins = await client.as(admin.accessToken).get('/api/auth/me').expect(200);
      expect(admins.body.user.id).toBe(admin.user.id);
    });

    it('is refused to organisers and members (403) and to anonymous callers (401)', async () => {
      const body = {
        email: `${unique('o')}@example.org`,
        password: PASSWORD,
        name: 'O',
        role: 'organiser',
      };
      const organiser = await client.organiser();
      const member = await client.signUp();
      const asOrganiser = await client
        .as(organiser.accessToken)
        .post('/api/users')
        .send(body)
        .expect(403);
      expect(asOrganiser.body).toMatchObject({
        statusCode: 403,
        error: 'Forbidden',
        code: 'auth.role_required',
      });
      await client.as(member.accessToken).post('/api/users').send(body).expect(403);
      await client.http.post('/api/users').send(body).expect(401);
      await client.http
        .post('/api/auth/login')
        .send({ email: body.email, password: PASSWORD })
        .expect(401);
    });

    it('refuses a bad role and bad fields (400)', async () => {
      const admin = await client.admin();
      const response = await client
        .as(admin.accessToken)
        .post('/api/users')
        .send({ email: 'nope', password: PASSWORD, name: 'X', role: 'member' })
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(['email', 'role']);
    });
  });
});

describe('rate limit per client address (RATE_LIMIT_PER_MINUTE)', () => {
  const client = useApi({
    RATE_LIMIT_PER_MINUTE: '3',
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}-rl`,
  });

  it('answers 429 once an address has used its sign-ups and sign-ins for the minute', async () => {
    const email = `${unique('limited')}@example.org`;
    await client.http
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, name: 'L' })
      .expect(201);
    await client.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    await client.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    const response = await client.http
      .post('/api/auth/login')
      .send({ email, password: PASSWORD })
      .expect(429);
    expect(response.body.code).toBe('rate_limited');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    // Routes outside the limit still answer.
    await client.http.get('/api/taxonomy').expect(200);
  });
});
