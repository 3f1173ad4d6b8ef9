import { DataSource } from 'typeorm';
import { hashSecretToken } from '../src/common/secret-token';
import { AccountMailbox, linkIn, MAIL_APP_URL } from './support/account-mail';
import { PASSWORD, unique, useApi, type Account } from './support/client';
import { LiveClients, listen, refused } from './support/live';

const NEW_PASSWORD = 'another-long-password';

describe('account recovery and hygiene', () => {
  const client = useApi({ APP_URL: MAIL_APP_URL });
  const mail = new AccountMailbox();
  const live = new LiveClients();
  beforeAll(() => mail.start(), 60_000);
  afterAll(() => mail.stop());
  afterEach(() => live.closeAll());

  const database = () => client.app.get(DataSource);
  const me = (token: string) => client.as(token).get('/api/auth/me');
  const resetLink = async (email: string, count = 1) => {
    await client.http.post('/api/auth/password-reset').send({ email }).expect(202);
    return mail.token(email, 'password.reset', count);
  };

  describe('forgot password', () => {
    it('answers 202 alike for an address with an account and one without, and mails only the first', async () => {
      const { user } = await client.signUp();
      const nobody = `${unique('nobody')}@example.org`;
      const known = await client.http.post('/api/auth/password-reset').send({ email: user.email });
      const unknown = await client.http.post('/api/auth/password-reset').send({ email: nobody });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      expect(known.headers['content-length']).toEqual(unknown.headers['content-length']);
      await mail.token(user.email, 'password.reset');
      expect(mail.to(nobody, 'password.reset')).toEqual([]);
    });

    it('sets a new password once, signs in with it and signs out every other session', async () => {
      const account = await client.signUp();
      const other = await client.signIn(account.user.email);
      const token = await resetLink(account.user.email);

      const reset = await client.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD })
        .expect(200);
      expect(reset.body).toEqual({
        user: { ...account.user, emailVerified: true },
        accessToken: expect.any(String),
      });
      await me(reset.body.accessToken as string).expect(200);
      for (const old of [account.accessToken, other.accessToken]) {
        const refusedAnswer = await me(old).expect(401);
        expect(refusedAnswer.body.code).toBe('auth.token_invalid');
      }
      await client.signIn(account.user.email, NEW_PASSWORD);
      await client.http
        .post('/api/auth/login')
        .send({ email: account.user.email, password: PASSWORD })
        .expect(401);

      const again = await client.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'yet-another-password' })
        .expect(400);
      expect(Object.keys(again.body.fields)).toEqual(['token']);
    });

    it('refuses the old token at the live handshake too', async () => {
      const url = await listen(client.app);
      const account = await client.signUp();
      await live.connected(url, account.accessToken);
      const token = await resetLink(account.user.email);
      const reset = await client.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD })
        .expect(200);
      await refused(live.connect(url, account.accessToken));
      await live.connected(url, reset.body.accessToken as string);
    });

    it('stores only the SHA-256 of the link, valid one hour', async () => {
      const { user } = await client.signUp();
      const token = await resetLink(user.email);
      const rows = await database().query<{ token_hash: string; lifetime: number }[]>(
        `SELECT token_hash, extract(epoch FROM expires_at - created_at) AS lifetime
           FROM account_tokens WHERE user_id = $1 AND purpose = 'password-reset'`,
        [user.id],
      );
      expect(rows).toEqual([{ token_hash: hashSecretToken(token), lifetime: expect.any(String) }]);
      expect(Math.round(Number(rows[0].lifetime))).toBe(3600);
      const [{ found }] = await database().query<{ found: number }[]>(
        `SELECT count(*)::int AS found FROM account_tokens t WHERE t::text LIKE '%' || $1 || '%'`,
        [token],
      );
      expect(found).toBe(0);
    });

    it('refuses an expired link, an unknown one and one replaced by a newer link (400 naming token)', async () => {
      const { user } = await client.signUp();
      const first = await resetLink(user.email);
      const second = await resetLink(user.email, 2);
      const confirm = (token: string) =>
        client.http
          .post('/api/auth/password-reset/confirm')
          .send({ token, password: NEW_PASSWORD })
          .expect(400);
      expect((await confirm(first)).body).toMatchObject({
        code: 'auth.token_invalid_link',
        fields: { token: [expect.any(String)] },
      });
      await confirm('not-a-token-of-ours');
      await database().query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hashSecretToken(second)],
      );
      await confirm(second);
      await client.signIn(user.email);
    });

    it('names a short new password and keeps the link for a second try', async () => {
      const { user } = await client.signUp();
      const token = await resetLink(user.email);
      const short = await client.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'short' })
        .expect(400);
      expect(Object.keys(short.body.fields)).toEqual(['password']);
      await client.http
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD })
        .expect(200);
    });

    it('sends at most three links per address per 15 minutes, still answering 202', async () => {
      const { user } = await client.signUp();
      for (let i = 0; i < 5; i++) {
        await client.http.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
      }
      await mail.token(user.email, 'password.reset', 3);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(mail.to(user.email, 'password.reset')).toHaveLength(3);
    });

    it('names a missing or malformed address (400)', async () => {
      for (const email of [null, 42, 'not-an-email', '']) {
        const response = await client.http
          .post('/api/auth/password-reset')
          .send({ email })
          .expect(400);
        expect(Object.keys(response.body.fields)).toEqual(['email']);
      }
    });
  });

  describe('change password', () => {
    it('needs the current password (400 naming currentPassword)', async () => {
      const account = await client.signUp();
      const wrong = await client
        .as(account.accessToken)
        .post('/api/auth/password')
        .send({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD })
        .expect(400);
      expect(wrong.body).toMatchObject({
        code: 'auth.wrong_password',
        fields: { currentPassword: ['is wrong'] },
      });
      await client.signIn(account.user.email);
      await me(account.accessToken).expect(200);
    });

    it('changes it, answers a new token and signs out every session with an older one', async () => {
      const account = await client.signUp();
      const other = await client.signIn(account.user.email);
      const changed = await client
        .as(account.accessToken)
        .post('/api/auth/password')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(200);
      expect(changed.body.user).toEqual(account.user);
      await me(changed.body.accessToken as string).expect(200);
      await me(account.accessToken).expect(401);
      await me(other.accessToken).expect(401);
      await client.signIn(account.user.email, NEW_PASSWORD);
    });

    it('is for signed-in users only', async () => {
      await client.http
        .post('/api/auth/password')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(401);
    });

    it('counts wrong current passwords as failed sign-ins (429 after five)', async () => {
      const account = await client.signUp();
      for (let i = 0; i < 5; i++) {
        await client
          .as(account.accessToken)
          .post('/api/auth/password')
          .send({ currentPassword: 'wrong-password', newPassword: NEW_PASSWORD })
          .expect(400);
      }
      const locked = await client
        .as(account.accessToken)
        .post('/api/auth/password')
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(429);
      expect(locked.body.code).toBe('rate_limited');
    });
  });

  describe('verifying the address', () => {
    it('sends a link at sign-up; following it verifies the address; nothing waited on it', async () => {
      const account = await client.signUp();
      expect(account.user.emailVerified).toBe(false);
      // Nothing is refused before: the account registers a company.
      await client.company(account.accessToken);
      const token = await mail.token(account.user.email, 'email.verification');
      const confirmed = await client.http
        .post('/api/auth/email-verification/confirm')
        .send({ token })
        .expect(200);
      expect(confirmed.body).toEqual({ user: { ...account.user, emailVerified: true } });
      expect((await me(account.accessToken).expect(200)).body.user.emailVerified).toBe(true);
      await client.http.post('/api/auth/email-verification/confirm').send({ token }).expect(400);
      const again = await client
        .as(account.accessToken)
        .post('/api/auth/email-verification')
        .expect(409);
      expect(again.body.code).toBe('auth.email_already_verified');
    });

    it('sends the link again on request; the newer link replaces the older', async () => {
      const account = await client.signUp();
      const first = await mail.token(account.user.email, 'email.verification');
      await client.as(account.accessToken).post('/api/auth/email-verification').expect(202);
      const second = await mail.token(account.user.email, 'email.verification', 2);
      await client.http
        .post('/api/auth/email-verification/confirm')
        .send({ token: first })
        .expect(400);
      await client.http
        .post('/api/auth/email-verification/confirm')
        .send({ token: second })
        .expect(200);
    });

    it('limits resending to three per 15 minutes (429)', async () => {
      const account = await client.signUp();
      const send = () => client.as(account.accessToken).post('/api/auth/email-verification');
      for (let i = 0; i < 3; i++) await send().expect(202);
      expect((await send().expect(429)).body.code).toBe('rate_limited');
    });
  });

  describe('changing the address', () => {
    const change = (account: Account, email: string, currentPassword = PASSWORD) =>
      client.as(account.accessToken).post('/api/auth/email').send({ email, currentPassword });

    it('takes effect when the link sent to the new address is followed', async () => {
      const account = await client.signUp();
      const next = `${unique('new')}@example.org`;
      await change(account, next).expect(202);
      expect((await me(account.accessToken)).body.user.email).toBe(account.user.email);
      const token = await mail.token(next, 'email.change');
      const confirmed = await client.http
        .post('/api/auth/email/confirm')
        .send({ token })
        .expect(200);
      expect(confirmed.body.user).toEqual({ ...account.user, email: next, emailVerified: true });
      await client.signIn(next);
      await client.http
        .post('/api/auth/login')
        .send({ email: account.user.email, password: PASSWORD })
        .expect(401);
      await client.http.post('/api/auth/email/confirm').send({ token }).expect(400);
    });

    it('needs the current password, and refuses the same address (400) and a taken one (409)', async () => {
      const account = await client.signUp();
      const taken = await client.signUp();
      const wrong = await change(account, `${unique('x')}@example.org`, 'wrong-password').expect(
        400,
      );
      expect(Object.keys(wrong.body.fields)).toEqual(['currentPassword']);
      const same = await change(account, account.user.email).expect(400);
      expect(Object.keys(same.body.fields)).toEqual(['email']);
      const conflict = await change(account, taken.user.email.toUpperCase()).expect(409);
      expect(conflict.body).toMatchObject({ code: 'user.email_taken' });
      expect(mail.to(taken.user.email, 'email.change')).toEqual([]);
    });

    it('refuses the link when the address was taken meanwhile (409), leaving the account as it was', async () => {
      const account = await client.signUp();
      const next = `${unique('race')}@example.org`;
      await change(account, next).expect(202);
      const token = await mail.token(next, 'email.change');
      await client.signUp({ email: next });
      const conflict = await client.http
        .post('/api/auth/email/confirm')
        .send({ token })
        .expect(409);
      expect(conflict.body.code).toBe('user.email_taken');
      expect((await me(account.accessToken)).body.user.email).toBe(account.user.email);
    });
  });
});

describe('account emails, as they arrive', () => {
  const client = useApi({ APP_URL: MAIL_APP_URL });
  const mail = new AccountMailbox();
  beforeAll(() => mail.start(), 60_000);
  afterAll(() => mail.stop());

  it('verifies the address in the reader’s language, with a link that works when followed', async () => {
    const account = await client.signUp({ language: 'zh-Hant', timezone: 'Asia/Hong_Kong' });
    const email = await mail.mail(account.user.email, 'email.verification');
    expect(email.subject).toBe('驗證您的 TradeMatch 電郵地址');
    expect(email.text).toContain(`請確認 ${account.user.email} 是您的電郵地址`);
    expect(email.html).toContain(`${MAIL_APP_URL}/verify-email?token=`);
    expect(email.messageId).toMatch(/@trade-match\.test>$/);
    // An account email: never unsubscribed from.
    expect(email.headers.has('list-unsubscribe')).toBe(false);
    const token = await mail.token(account.user.email, 'email.verification');
    await client.http.post('/api/auth/email-verification/confirm').send({ token }).expect(200);
  });

  it('sends the reset link to the account’s address, in English by default', async () => {
    const account = await client.signUp();
    await client.http
      .post('/api/auth/password-reset')
      .send({ email: account.user.email })
      .expect(202);
    const email = await mail.mail(account.user.email, 'password.reset');
    expect(email.subject).toBe('Reset your TradeMatch password');
    expect(email.text).toContain('it works once, within an hour');
    const link = linkIn(email, `${MAIL_APP_URL}/reset-password?token=`);
    const token = new URL(link).searchParams.get('token')!;
    await client.http
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'a-password-from-the-email' })
      .expect(200);
    await client.signIn(account.user.email, 'a-password-from-the-email');
    // Only the hash of the link is in account_tokens; the email is its only copy besides the outbox.
    const [{ found }] = await client.app
      .get(DataSource)
      .query<{ found: number }[]>(
        `SELECT count(*)::int AS found FROM account_tokens WHERE token_hash = $1 OR email = $1`,
        [token],
      );
    expect(found).toBe(0);
  });

  it('confirms a new address at the new address, saying why it came', async () => {
    const account = await client.signUp();
    const next = `${unique('next')}@example.org`;
    await client
      .as(account.accessToken)
      .post('/api/auth/email')
      .send({ email: next, currentPassword: PASSWORD })
      .expect(202);
    const email = await mail.mail(next, 'email.change');
    expect(email.subject).toBe('Confirm your new TradeMatch address');
    expect(email.text).toContain(`this address (${next}) was entered as the new address`);
    expect(mail.to(account.user.email, 'email.change')).toEqual([]);
    const token = await mail.token(next, 'email.change');
    await client.http.post('/api/auth/email/confirm').send({ token }).expect(200);
  });
});
