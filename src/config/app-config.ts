import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
  type ValidationError,
} from 'class-validator';
import type { WireIceServer } from '../live/live.wire';
import { ADMIN_PASSWORD_MIN_LENGTH, weakAdminPassword, weakJwtSecret } from './secret-strength';

/** Declared once, in the file of wire types the web app shares. */
export type IceServer = WireIceServer;

function isIceServerList(value: unknown): value is IceServer[] {
  return (
    Array.isArray(value) &&
    value.every((server: unknown) => {
      if (typeof server !== 'object' || server === null) return false;
      const urls = (server as { urls?: unknown }).urls;
      return (
        typeof urls === 'string' ||
        (Array.isArray(urls) && urls.length > 0 && urls.every((url) => typeof url === 'string'))
      );
    })
  );
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * The environment as the processes read it: every variable SPEC.md names, plus a few operational
 * ones. Validated once at start; nothing else reads `process.env`.
 */
class EnvironmentVariables {
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET: string;

  @Matches(/^\d+[smhd]$/, { message: 'must be a duration such as 15m, 12h or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(ADMIN_PASSWORD_MIN_LENGTH, {
    message: `must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters long`,
  })
  ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 60;

  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,\s*https?:\/\/[^,\s]+)*$/, {
    message: 'must be a comma-separated list of origins such as https://app.example.org',
  })
  CORS_ORIGINS?: string;

  @Transform(({ value }) => parseJson(value))
  @ValidateBy({
    name: 'isIceServerList',
    validator: {
      validate: isIceServerList,
      defaultMessage: () => 'must be a JSON list such as [{"urls":"stun:stun.example.org:3478"}]',
    },
  })
  ICE_SERVERS: IceServer[] = [];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^[a-z0-9_-]{1,32}$/i, { message: 'must be 1-32 letters, digits, - or _' })
  REDIS_PREFIX = 'tm';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of proxies' })
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  JOB_LOCK_MS = 30_000;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(60_000)
  JOB_STEP_DELAY_MS = 0;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587',
  })
  SMTP_URL?: string;

  @Matches(/^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+)$/, {
    message: 'must be an address such as no-reply@example.org or TradeMatch <no-reply@example.org>',
  })
  MAIL_FROM = 'TradeMatch <no-reply@trade-match.local>';

  @IsOptional()
  @Matches(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, {
    message: "must be the web app's public address such as https://trade-match.example.org",
  })
  APP_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100)
  @Max(3_600_000)
  OUTBOX_SWEEP_MS = 5000;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000)
  @Max(3_600_000)
  OUTBOX_LEASE_MS = 60_000;

  @Matches(/^(off|[01]?\d|2[0-3])$/, {
    message: 'must be an hour from 0 to 23 (local time of each user), or off',
  })
  REQUESTS_DIGEST_HOUR = '8';

  @Matches(/^(off|mon|tue|wed|thu|fri|sat|sun)$/, {
    message: 'must be a day of the week (mon, tue, wed, thu, fri, sat or sun), or off',
  })
  OPPORTUNITY_DIGEST_DAY = 'mon';
}

export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every Redis key this deployment writes (queues, rate limits). */
  redisPrefix: string;
  port: number;
  jwtSecret: string;
  /** Lifetime of an access token, in seconds. */
  jwtExpiresInSeconds: number;
  admin: { email: string; password: string } | null;
  rateLimitPerMinute: number;
  /** Allowed browser origins; empty means same origin only. */
  corsOrigins: string[];
  /**
   * How many proxies in front of the API to believe X-Forwarded-For from (0: none), so that rate
   * limits count each client's own address rather than the proxy's.
   */
  trustProxyHops: number;
  iceServers: IceServer[];
  logLevel: string;
  /**
   * How long a worker holds a job without renewing its lock; a job whose worker died (SIGKILL,
   * lost host) goes back to the queue within about twice this, and another worker takes it.
   */
  jobLockMs: number;
  /**
   * Testing only (0 otherwise): a pause between the steps of a score block and of a scheduling
   * run, so that fault tests can kill a worker in the middle of one.
   */
  jobStepDelayMs: number;
  /** The mail server; null: emails wait in the outbox (the worker says so at start). */
  smtpUrl: string | null;
  /** The sender of every email. */
  mailFrom: string;
  /** The web app's public address, without a trailing slash, for links in emails. */
  appUrl: string;
  /**
   * How often each worker looks for emails whose delivery job was lost or whose retry is due
   * (also the grace a fresh email's own job gets before the sweeper takes it).
   */
  outboxSweepMs: number;
  /** How long a worker may take to send one email before another may try it. */
  outboxLeaseMs: number;
  /**
   * The hour of each user's day from which the daily digest of requests waiting for an answer
   * goes out; null: the worker does not schedule it (the tests run it by hand).
   */
  requestsDigestHour: number | null;
  /**
   * The day of the week (0 = Sunday … 6 = Saturday) on which the weekly digest of new posts on
   * the opportunities board goes out, at 01:00 UTC; null: the worker does not schedule it.
   */
  opportunityDigestDay: number | null;
}

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86400 } as const;

function durationInSeconds(duration: string): number {
  const unit = duration.slice(-1) as keyof typeof SECONDS_PER_UNIT;
  return Number(duration.slice(0, -1)) * SECONDS_PER_UNIT[unit];
}

/** Thrown when the environment is not usable; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** What to set a required variable to, said when it is missing. */
const REQUIRED_HINTS: Record<string, string> = {
  DATABASE_URL:
    'set it to a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/trade_match',
  JWT_SECRET:
    'set it to a random string of at least 32 characters (it signs access tokens): `openssl rand -base64 48`',
};

function describe(errors: ValidationError[]): string[] {
  return errors.map((error) => {
    if ((error.value === undefined || error.value === '') && REQUIRED_HINTS[error.property]) {
      return `${error.property} is missing: ${REQUIRED_HINTS[error.property]}`;
    }
    // The type check says most ("must be a whole number" rather than "must not be greater than").
    const constraints = error.constraints ?? {};
    const message = [constraints.isInt, constraints.isString, ...Object.values(constraints)].find(
      (candidate): candidate is string => candidate !== undefined,
    );
    return `${error.property} ${message?.replace(new RegExp(`^${error.property}\\s*`), '') ?? 'is invalid'}`;
  });
}

/** Reads and validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, defined);
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = describe(errors);
  // Secrets that pass the checks of their form are weighed too; still one line per variable.
  const wellFormed = (property: string): boolean => !errors.some((e) => e.property === property);
  const weakSecret = wellFormed('JWT_SECRET') ? weakJwtSecret(vars.JWT_SECRET) : null;
  if (weakSecret) problems.push(`JWT_SECRET ${weakSecret}`);
  const weakPassword =
    vars.ADMIN_PASSWORD && wellFormed('ADMIN_PASSWORD')
      ? weakAdminPassword(vars.ADMIN_PASSWORD, vars.ADMIN_EMAIL)
      : null;
  if (weakPassword) problems.push(`ADMIN_PASSWORD ${weakPassword}`);
  if (vars.ADMIN_EMAIL && !vars.ADMIN_PASSWORD) {
    problems.push('ADMIN_PASSWORD is missing: it is required when ADMIN_EMAIL is set');
  }
  if (vars.ADMIN_PASSWORD && !vars.ADMIN_EMAIL) {
    problems.push('ADMIN_EMAIL is missing: it is required when ADMIN_PASSWORD is set');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    port: vars.PORT,
    jwtSecret: vars.JWT_SECRET,
    jwtExpiresInSeconds: durationInSeconds(vars.JWT_EXPIRES_IN),
    admin:
      vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD
        ? { email: vars.ADMIN_EMAIL.toLowerCase(), password: vars.ADMIN_PASSWORD }
        : null,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    corsOrigins: vars.CORS_ORIGINS ? vars.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
    trustProxyHops: vars.TRUST_PROXY_HOPS,
    iceServers: vars.ICE_SERVERS,
    logLevel: vars.LOG_LEVEL,
    jobLockMs: vars.JOB_LOCK_MS,
    jobStepDelayMs: vars.JOB_STEP_DELAY_MS,
    smtpUrl: vars.SMTP_URL ?? null,
    mailFrom: vars.MAIL_FROM,
    appUrl: (vars.APP_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    outboxSweepMs: vars.OUTBOX_SWEEP_MS,
    outboxLeaseMs: vars.OUTBOX_LEASE_MS,
    requestsDigestHour:
      vars.REQUESTS_DIGEST_HOUR === 'off' ? null : Number(vars.REQUESTS_DIGEST_HOUR),
    opportunityDigestDay:
      vars.OPPORTUNITY_DIGEST_DAY === 'off'
        ? null
        : ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(vars.OPPORTUNITY_DIGEST_DAY),
  };
}

/** For tools that only touch the database (migration CLI, seed): validates DATABASE_URL alone. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const vars = plainToInstance(EnvironmentVariables, {
    DATABASE_URL: env.DATABASE_URL || undefined,
  });
  const errors = validateSync(vars).filter((error) => error.property === 'DATABASE_URL');
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return vars.DATABASE_URL;
}

/**
 * For the seed: the app's public address and signing key, which its demo emails link to and sign
 * their unsubscribe links with; null without JWT_SECRET (the seed then writes no notices).
 */
export function loadLinkConfig(
  env: NodeJS.ProcessEnv = process.env,
): Pick<AppConfig, 'appUrl' | 'jwtSecret'> | null {
  if (!env.JWT_SECRET) return null;
  const config = loadConfig(env);
  return { appUrl: config.appUrl, jwtSecret: config.jwtSecret };
}
