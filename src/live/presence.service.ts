import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import type { PresenceUser } from './live.events';

/** A socket counts as present this long after its process last vouched for it. */
export const PRESENCE_TTL_MS = 30_000;
/** A socket that dropped (rather than left) stays present this long, so a reconnect is seamless. */
export const PRESENCE_GRACE_MS = 10_000;

/** A change of who is in a session's room: a user came (first socket) or went (last socket). */
export interface PresenceChange {
  sessionId: string;
  user: PresenceUser;
  online: boolean;
  count: number;
}

// Keys of one session: sockets (socket id -> user id), expiry (socket id by expiry instant),
// users (user id -> number of sockets), info (user id -> PresenceUser JSON); plus the set of
// sessions with anyone present, which the sweep walks.
const JOIN = `
local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[5])
local first = 0
if added == 1 then
  redis.call('HSET', KEYS[4], ARGV[2], ARGV[4])
  if redis.call('HINCRBY', KEYS[3], ARGV[2], 1) == 1 then first = 1 end
end
return {first, redis.call('HLEN', KEYS[3])}
`;

/**
 * Removes the sockets ARGV[3..] (ARGV[1] 'ids') or those expired by ARGV[3] (ARGV[1] 'expired') of
 * session ARGV[2]; returns the count of users left, then the info of each user now gone.
 */
const LEAVE = `
local gone = {}
local sockets
if ARGV[1] == 'expired' then
  sockets = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
else
  sockets = {}
  for i = 3, #ARGV do sockets[#sockets + 1] = ARGV[i] end
end
for _, socket in ipairs(sockets) do
  local user = redis.call('HGET', KEYS[1], socket)
  redis.call('ZREM', KEYS[2], socket)
  if user then
    redis.call('HDEL', KEYS[1], socket)
    if redis.call('HINCRBY', KEYS[3], user, -1) <= 0 then
      redis.call('HDEL', KEYS[3], user)
      local info = redis.call('HGET', KEYS[4], user)
      redis.call('HDEL', KEYS[4], user)
      if info then table.insert(gone, info) end
    end
  end
end
local count = redis.call('HLEN', KEYS[3])
if count == 0 then redis.call('SREM', KEYS[5], ARGV[2]) end
table.insert(gone, 1, count)
return gone
`;

/**
 * Who is in each session's live room, kept in Redis so that every API process sees the same
 * thing: a user with two tabs, or on two processes, counts once. Each socket is an entry with an
 * expiry that its process renews; the entries of a process that died expire and are swept by any
 * other process. The scripts run atomically, so exactly one process sees a user come or go.
 */
@Injectable()
export class PresenceService {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.redisPrefix}:live:presence`;
  }

  /**
   * Calls `listener` each time the connection to Redis is (re)established; returns how to stop.
   * Redis may have come back without its data: the caller writes its sockets' entries again.
   */
  onConnected(listener: () => void): () => void {
    this.redis.on('ready', listener);
    return () => this.redis.off('ready', listener);
  }

  private keys(sessionId: string): string[] {
    const base = `${this.prefix}:${sessionId}`;
    return [
      `${base}:sockets`,
      `${base}:expiry`,
      `${base}:users`,
      `${base}:info`,
      `${this.prefix}:sessions`,
    ];
  }

  /** The socket is in the room; a change when it is its user's first. */
  async join(
    sessionId: string,
    socketId: string,
    user: PresenceUser,
  ): Promise<PresenceChange | null> {
    const [first, count] = (await this.redis.eval(
      JOIN,
      5,
      ...this.keys(sessionId),
      socketId,
      user.userId,
      Date.now() + PRESENCE_TTL_MS,
      JSON.stringify(user),
      sessionId,
    )) as [number, number];
    return first === 1 ? { sessionId, user, online: true, count } : null;
  }

  /** The socket left the room; a change when it was its user's last. */
  async leave(sessionId: string, socketId: string): Promise<PresenceChange[]> {
    return this.remove(sessionId, ['ids', sessionId, socketId]);
  }

  /** The socket dropped: it stays present for a grace period, in case it comes back. */
  async dropped(sessionId: string, socketId: string): Promise<void> {
    await this.redis.zadd(this.keys(sessionId)[1], 'XX', Date.now() + PRESENCE_GRACE_MS, socketId);
  }

  /** This process still holds these sockets (renewed well before they expire). */
  async renew(entries: { sessionId: string; socketId: string }[]): Promise<void> {
    if (entries.length === 0) return;
    const expiry = Date.now() + PRESENCE_TTL_MS;
    const bySession = new Map<string, (string | number)[]>();
    for (const { sessionId, socketId } of entries) {
      const args = bySession.get(sessionId) ?? [];
      args.push(expiry, socketId);
      bySession.set(sessionId, args);
    }
    // One command per session, whatever its number of sockets.
    const pipeline = this.redis.pipeline();
    for (const [sessionId, args] of bySession) {
      pipeline.zadd(this.keys(sessionId)[1], 'XX', 'GT', ...args);
    }
    await pipeline.exec();
  }

  /** Removes every expired socket of every session: the changes this process must announce. */
  async sweep(): Promise<PresenceChange[]> {
    const sessions = await this.redis.smembers(`${this.prefix}:sessions`);
    const changes: PresenceChange[] = [];
    for (const sessionId of sessions) {
      changes.push(...(await this.remove(sessionId, ['expired', sessionId, Date.now()])));
    }
    return changes;
  }

  /** Everyone in the room now. */
  async list(sessionId: string): Promise<PresenceUser[]> {
    const info = await this.redis.hvals(this.keys(sessionId)[3]);
    return info
      .map((json) => JSON.parse(json) as PresenceUser)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private async remove(sessionId: string, args: (string | number)[]): Promise<PresenceChange[]> {
    const [count, ...gone] = (await this.redis.eval(
      LEAVE,
      5,
      ...this.keys(sessionId),
      ...args,
    )) as [number, ...string[]];
    return gone.map((json) => ({
      sessionId,
      user: JSON.parse(json) as PresenceUser,
      online: false,
      count,
    }));
  }
}
