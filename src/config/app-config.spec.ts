import { ConfigError, loadConfig, loadDatabaseUrl } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@db:5432/trade_match',
  JWT_SECRET: 'x'.repeat(32),
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
    });
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

describe('loadDatabaseUrl', () => {
  it('needs only DATABASE_URL', () => {
    expect(loadDatabaseUrl({ DATABASE_URL: valid.DATABASE_URL })).toBe(valid.DATABASE_URL);
    expect(() => loadDatabaseUrl({ DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL must be a postgres:// URL',
    );
  });
});
