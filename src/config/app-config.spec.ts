import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadDatabaseUrl } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@db:5432/trade_match',
  // What `openssl rand -base64 48` prints.
  JWT_SECRET:
    'q3XbN0r+7kVt1Lw9yZc2Hf8Ds4Pm6Ga5Ue0Ji3Ko7Rn1Sb9Tx2Vd6We8Yh4Zl0Aq5Bc7Cf3Eg1Ij9Mk2Op4Ru6Sw',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toEqual({
      databaseUrl: valid.DATABASE_URL,
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'tm',
      requestsDigestHour: 8,
      opportunityDigestDay: 1,
      port: 3000,
      jwtSecret: valid.JWT_SECRET,
      jwtExpiresInSeconds: 12 * 3600,
      admin: null,
      rateLimitPerMinute: 60,
      corsOrigins: [],
      trustProxyHops: 0,
      iceServers: [],
      logLevel: 'info',
      jobLockMs: 30_000,
      jobStepDelayMs: 0,
      smtpUrl: null,
      mailFrom: 'TradeMatch <no-reply@trade-match.local>',
      appUrl: 'http://localhost:3000',
      outboxSweepMs: 5000,
      outboxLeaseMs: 60_000,
    });
  });

  it('reads the mail settings and refuses bad ones, one line each', () => {
    expect(
      loadConfig({
        ...valid,
        SMTP_URL: 'smtps://user:pw@mail.example.org:465',
        MAIL_FROM: 'no-reply@example.org',
        APP_URL: 'https://trade-match.example.org/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://user:pw@mail.example.org:465',
      mailFrom: 'no-reply@example.org',
      appUrl: 'https://trade-match.example.org',
    });
    expect(
      problemsOf({
        ...valid,
        SMTP_URL: 'mail.example.org',
        MAIL_FROM: 'nobody',
        APP_URL: 'ftp://x',
      }),
    ).toEqual([
      expect.stringMatching(/^SMTP_URL must be an smtp:\/\//),
      expect.stringMatching(/^MAIL_FROM must be an address/),
      expect.stringMatching(/^APP_URL must be the web app's public address/),
    ]);
  });

  it('reads the digest hour, or off, and refuses another value', () => {
    expect(loadConfig({ ...valid, REQUESTS_DIGEST_HOUR: '18' }).requestsDigestHour).toBe(18);
    expect(loadConfig({ ...valid, REQUESTS_DIGEST_HOUR: 'off' }).requestsDigestHour).toBeNull();
    for (const value of ['24', '-1', 'eight', '8.5']) {
      expect(problemsOf({ ...valid, REQUESTS_DIGEST_HOUR: value })).toEqual([
        expect.stringMatching(/^REQUESTS_DIGEST_HOUR must be an hour from 0 to 23/),
      ]);
    }
  });

  it('reads the day of the opportunities digest, or off, and refuses another value', () => {
    expect(loadConfig(valid).opportunityDigestDay).toBe(1);
    expect(loadConfig({ ...valid, OPPORTUNITY_DIGEST_DAY: 'sun' }).opportunityDigestDay).toBe(0);
    expect(loadConfig({ ...valid, OPPORTUNITY_DIGEST_DAY: 'off' }).opportunityDigestDay).toBeNull();
    for (const value of ['monday', '1', 'Mon!']) {
      expect(problemsOf({ ...valid, OPPORTUNITY_DIGEST_DAY: value })).toEqual([
        expect.stringMatching(/^OPPORTUNITY_DIGEST_DAY must be a day of the week/),
      ]);
    }
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...valid,
      REDIS_URL: 'rediss://:secret@cache:6380/2',
      PORT: '8080',
      JWT_EXPIRES_IN: '15m',
      ADMIN_EMAIL: 'Root@Example.org',
      ADMIN_PASSWORD: 'a-long-password',
      RATE_LIMIT_PER_MINUTE: '10',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY_HOPS: '2',
      ICE_SERVERS:
        '[{"urls":"stun:stun.example.org:3478"},{"urls":["turn:t.example"],"username":"u","credential":"c"}]',
    });
    expect(config).toMatchObject({
      redisUrl: 'rediss://:secret@cache:6380/2',
      port: 8080,
      jwtExpiresInSeconds: 900,
      admin: { email: 'root@example.org', password: 'a-long-password' },
      rateLimitPerMinute: 10,
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxyHops: 2,
    });
    expect(config.iceServers).toHaveLength(2);
  });

  it('says one line per missing or wrong variable, all at once', () => {
    expect(
      problemsOf({
        PORT: '70000',
        RATE_LIMIT_PER_MINUTE: 'many',
        JWT_EXPIRES_IN: 'forever',
        CORS_ORIGINS: 'example.org',
        ICE_SERVERS: '{not json',
        LOG_LEVEL: 'loud',
        ADMIN_EMAIL: 'admin@example.org',
      }),
    ).toEqual([
      expect.stringMatching(/^DATABASE_URL is missing: set it to a PostgreSQL URL/),
      'PORT must not be greater than 65535',
      expect.stringMatching(/^JWT_SECRET is missing: set it to a random string/),
      'JWT_EXPIRES_IN must be a duration such as 15m, 12h or 7d',
      'RATE_LIMIT_PER_MINUTE must be a whole number',
      expect.stringMatching(/^CORS_ORIGINS must be a comma-separated list of origins/),
      expect.stringMatching(/^ICE_SERVERS must be a JSON list/),
      expect.stringMatching(/^LOG_LEVEL must be one of the following values/),
      'ADMIN_PASSWORD is missing: it is required when ADMIN_EMAIL is set',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...valid, PORT: '', CORS_ORIGINS: '' }).port).toBe(3000);
  });

  it('puts every problem in the error message, one per line', () => {
    expect(() => loadConfig({})).toThrow(
      /Invalid configuration:\n {2}- DATABASE_URL is missing.*\n {2}- JWT_SECRET is missing/,
    );
  });
});

describe('secrets (issue 12 item 7: placeholders and weak secrets are refused at boot)', () => {
  const admin = (password: string, email = 'ops@example.org') => ({
    ...valid,
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
  });
  /** The one line about `variable`, which must not quote the value. */
  function refusal(env: NodeJS.ProcessEnv, variable: string, value: string): string {
    const problems = problemsOf(env);
    const lines = problems.filter((line) => line.startsWith(`${variable} `));
    expect(lines).toHaveLength(1);
    expect(problems.join('\n')).not.toContain(value);
    return lines[0];
  }

  it.each([
    [
      'the old docker-compose.yml and .env.example default',
      'change-me-to-a-long-random-string-of-32-or-more-characters',
    ],
    ['a changeme secret', 'changeme-changeme-0123456789-abcdefghijk'],
    ['a secret marked as one to replace', 'replace-me-with-9f2Kd83nXq0Lw7ZbT4Vc1Yp6'],
  ])('refuses JWT_SECRET as %s', (_, secret) => {
    expect(refusal({ ...valid, JWT_SECRET: secret }, 'JWT_SECRET', secret)).toMatch(
      /^JWT_SECRET is a placeholder .*openssl rand -base64 48/,
    );
  });

  it.each([
    ['one character', 'x'.repeat(32)],
    ['two characters', 'ab'.repeat(20)],
    ['a sequence', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a repeated word', 'secret-secret-secret-secret-secret'],
    ['a repeated phrase with a counter', 'another-secret-another-secret-another-123456'],
  ])('refuses JWT_SECRET made of %s', (_, secret) => {
    expect(refusal({ ...valid, JWT_SECRET: secret }, 'JWT_SECRET', secret)).toMatch(
      /^JWT_SECRET is too predictable .*openssl rand -base64 48/,
    );
  });

  it('still says only that a short JWT_SECRET is too short', () => {
    expect(refusal({ ...valid, JWT_SECRET: 'x'.repeat(31) }, 'JWT_SECRET', 'x'.repeat(31))).toBe(
      'JWT_SECRET must be at least 32 characters long',
    );
  });

  it('accepts random secrets however made (the launcher, openssl, the tests)', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [
        randomBytes(48).toString('base64url'), // npm start's .data/jwt-secret
        randomBytes(48).toString('base64'), // openssl rand -base64 48
        randomBytes(16).toString('hex'), // openssl rand -hex 16: 128 bits, the least accepted
        `test-secret-${Date.now().toString(36)}${randomBytes(3).toString('hex')}-0123456789abcdef0123456789`,
        `fault-secret-${randomBytes(16).toString('hex')}`,
      ]) {
        expect([secret, loadConfig({ ...valid, JWT_SECRET: secret }).jwtSecret]).toEqual([
          secret,
          secret,
        ]);
      }
    }
  });

  it.each([
    {
      what: 'shorter than 12 characters',
      password: 'Xk9#mQ2$vL',
      message: /^ADMIN_PASSWORD must be at least 12 characters long$/,
    },
    {
      what: 'the old docker-compose.yml default',
      password: 'change-me-please',
      message: /^ADMIN_PASSWORD is a placeholder/,
    },
    { what: 'the email', password: 'ops@example.org', message: /must not be the admin email/ },
    {
      what: "the email's local part",
      password: 'administrator',
      email: 'administrator@example.org',
      message: /must not be the admin email/,
    },
    {
      what: 'a common password dressed up',
      password: 'Password1234!',
      message: /is a common password/,
    },
    { what: 'one character', password: 'a'.repeat(16), message: /is too predictable/ },
    { what: 'a sequence', password: '123456789012', message: /is too predictable/ },
    { what: 'a repeat', password: 'abcabcabcabc', message: /is too predictable/ },
    {
      what: 'the published demo password, for another admin',
      password: 'tradematch-demo',
      message: /demo accounts' published password/,
    },
  ])(
    'refuses ADMIN_PASSWORD $what',
    ({ password, email, message }: { password: string; email?: string; message: RegExp }) => {
      expect(refusal(admin(password, email), 'ADMIN_PASSWORD', password)).toMatch(message);
    },
  );

  it("accepts the demo password for the demo's own admin (npm start), and real passwords", () => {
    expect(loadConfig(admin('tradematch-demo', 'admin@trade-match.demo')).admin).toEqual({
      email: 'admin@trade-match.demo',
      password: 'tradematch-demo',
    });
    for (const password of [
      'admin-password-for-tests',
      'admin-password-for-faults',
      'correct horse battery staple',
      'kdjfurhtnbvc',
      randomBytes(12).toString('base64'),
    ]) {
      expect(loadConfig(admin(password)).admin?.password).toBe(password);
    }
  });

  it('finds no usable secret in docker-compose.yml or .env.example', () => {
    const root = join(__dirname, '..', '..');
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    // Compose itself refuses to start without them: no default to fall back on.
    expect(compose).toMatch(/JWT_SECRET: '\$\{JWT_SECRET:\?[^}]+\}'/);
    expect(compose).toMatch(/ADMIN_PASSWORD: '\$\{ADMIN_PASSWORD:\?[^}]+\}'/);
    const example = Object.fromEntries(
      readFileSync(join(root, '.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(example.JWT_SECRET).toBe('');
    expect(example.ADMIN_PASSWORD).toBe('');
  });
});

describe('loadDatabaseUrl', () => {
  it('needs only DATABASE_URL', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL);
    expect(() => loadDatabaseUrl({ DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });
});
