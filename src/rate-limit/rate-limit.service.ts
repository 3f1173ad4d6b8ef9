import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';

/** Failed sign-ins allowed per account and address before sign-in is refused for a while. */
export const MAX_FAILED_LOGINS = 5;
const FAILED_LOGIN_WINDOW_SECONDS = 15 * 60;
/** Account emails (reset links, verification links, invitations) per address and kind... */
export const ACCOUNT_EMAILS_PER_WINDOW = 3;
/** ...in this many seconds: a mailbox cannot be flooded through TradeMatch. */
const ACCOUNT_EMAIL_WINDOW_SECONDS = 15 * 60;

function tooMany(result: RateLimiterRes, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new AppError(
    'too-many-requests',
    'rate_limited',
    `${what}; try again in ${seconds} s`,
    undefined,
    seconds,
  );
}

/**
 * Rate limits shared by every API process through Redis; if Redis is away each process falls back
 * to counting in memory (rate-limiter-flexible's insurance limiter) rather than failing requests.
 */
@Injectable()
export class RateLimitService {
  private readonly perClient: RateLimiterAbstract;
  private readonly failedLogins: RateLimiterAbstract;
  private readonly accountEmails: RateLimiterAbstract;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const perMinute = { points: config.rateLimitPerMinute, duration: 60 };
    this.perClient = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:client`,
      ...perMinute,
      insuranceLimiter: new RateLimiterMemory(perMinute),
    });
    const failures = { points: MAX_FAILED_LOGINS, duration: FAILED_LOGIN_WINDOW_SECONDS };
    this.failedLogins = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:login`,
      ...failures,
      insuranceLimiter: new RateLimiterMemory(failures),
    });
    const emails = { points: ACCOUNT_EMAILS_PER_WINDOW, duration: ACCOUNT_EMAIL_WINDOW_SECONDS };
    this.accountEmails = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.redisPrefix}:rl:mail`,
      ...emails,
      insuranceLimiter: new RateLimiterMemory(emails),
    });
  }

  /**
   * Counts one account email of `kind` to `address`; false (nothing counted) when the address had
   * ACCOUNT_EMAILS_PER_WINDOW of that kind in the last 15 minutes, and the email must not go.
   */
  async accountEmailAllowed(kind: string, address: string): Promise<boolean> {
    try {
      await this.accountEmails.consume(`${kind}:${address.toLowerCase()}`);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** As `accountEmailAllowed`, for a signed-in caller who may be told: 429 when over. */
  async consumeAccountEmail(kind: string, address: string): Promise<void> {
    if (!(await this.accountEmailAllowed(kind, address))) {
      const state = await this.accountEmails.get(`${kind}:${address.toLowerCase()}`);
      throw tooMany(
        state ?? new RateLimiterRes(0, ACCOUNT_EMAIL_WINDOW_SECONDS * 1000),
        'Too many emails of this kind to this address',
      );
    }
  }

  /** Counts one request of `scope` from a client address (RATE_LIMIT_PER_MINUTE each). */
  async consumeClient(scope: string, clientAddress: string): Promise<void> {
    try {
      await this.perClient.consume(`${scope}:${clientAddress}`);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw tooMany(error, 'Too many requests from this address');
      throw error;
    }
  }

  /** Refuses sign-in for an account from an address after too many recent failures. */
  async assertLoginAllowed(email: string, clientAddress: string): Promise<void> {
    const state = await this.failedLogins.get(`${email}:${clientAddress}`);
    if (state && state.consumedPoints >= MAX_FAILED_LOGINS) {
      throw tooMany(state, 'Too many failed sign-ins for this account');
    }
  }

  async recordFailedLogin(email: string, clientAddress: string): Promise<void> {
    await this.failedLogins.penalty(`${email}:${clientAddress}`, 1);
  }

  async clearFailedLogins(email: string, clientAddress: string): Promise<void> {
    await this.failedLogins.delete(`${email}:${clientAddress}`);
  }
}
