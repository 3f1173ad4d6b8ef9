import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import type { PresencePage, PresenceUser } from './live.events';

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
  /** The session's presence version after this change (each change adds one). */
  version: number;
}

/** Changes a session keeps for clients that come back (`session:join` with `since`). */
export const PRESENCE_LOG_LENGTH = 2000;
/** How long a session's version and change log outlive its last change. */
const PRESENCE_LOG_TTL_MS = 24 * 3600_000;

// Keys of one session: sockets (socket id -> user id), expiry (socket id by expiry instant),
// users (user id -> number of sockets), info (user id -> PresenceUser JSON), order (the users'
// sort keys, lexically: name then id), rank (user id -> sort key), version (a counter of
// changes) and log (the latest changes by version); plus the set of sessions with anyone
// present, which the sweep walks.
const JOIN = `
local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[5])
local first = 0
local version = 0
if added == 1 then
  redis.call('HSET', KEYS[4], ARGV[2], ARGV[4])
  if redis.call('HINCRBY', KEYS[3], ARGV[2], 1) == 1 then
    first = 1
    redis.call('HSET', KEYS[7], ARGV[2], ARGV[6])
    redis.call('ZADD', KEYS[6], 0, ARGV[6])
    version = redis.call('INCR', KEYS[8])
    redis.call('ZADD', KEYS[9], version, '{"v":' .. version .. ',"online":true,"user":' .. ARGV[4] .. '}')
    redis.call('ZREMRANGEBYRANK', KEYS[9], 0, -${PRESENCE_LOG_LENGTH + 1})
    redis.call('PEXPIRE', KEYS[8], ${PRESENCE_LOG_TTL_MS})
    redis.call('PEXPIRE', KEYS[9], ${PRESENCE_LOG_TTL_MS})
  end
end
return {first, redis.call('HLEN', KEYS[3]), version}
`;

/**
 * Removes the sockets ARGV[3..] (ARGV[1] 'ids') or those expired by ARGV[3] (ARGV[1] 'expired') of
 * session ARGV[2]; returns the count of users left and the version after, then the info of each
 * user now gone.
 */
const LEAVE = `
local gone = {}
local version = 0
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
      local rank = redis.call('HGET', KEYS[7], user)
      if rank then
        redis.call('ZREM', KEYS[6], rank)
        redis.call('HDEL', KEYS[7], user)
      end
      if info then
        table.insert(gone, info)
        version = redis.call('INCR', KEYS[8])
        redis.call('ZADD', KEYS[9], version, '{"v":' .. version .. ',"online":false,"user":' .. info .. '}')
      end
    end
  end
end
if version > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[9], 0, -${PRESENCE_LOG_LENGTH + 1})
  redis.call('PEXPIRE', KEYS[8], ${PRESENCE_LOG_TTL_MS})
  redis.call('PEXPIRE', KEYS[9], ${PRESENCE_LOG_TTL_MS})
end
local count = redis.call('HLEN', KEYS[3])
if count == 0 then redis.call('SREM', KEYS[5], ARGV[2]) end
table.insert(gone, 1, version)
table.insert(gone, 1, count)
return gone
`;

const KEY_COUNT = 9;

/**
 * Where a user sorts in a room's list: by name regardless of case, then by id (the ids make the
 * keys unique). Pages are cut after a key, the cursor a client sends back.
 */
function sortKey(user: PresenceUser): string {
  return `${user.name.toLowerCase()}\u0000${user.userId}`;
}

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
      `${base}:order`,
      `${base}:rank`,
      `${base}:version`,
      `${base}:log`,
    ];
  }

  /** The socket is in the room; a change when it is its user's first. */
  async join(
    sessionId: string,
    socketId: string,
    user: PresenceUser,
  ): Promise<PresenceChange | null> {
    const [first, count, version] = (await this.redis.eval(
      JOIN,
      KEY_COUNT,
      ...this.keys(sessionId),
      socketId,
      user.userId,
      Date.now() + PRESENCE_TTL_MS,
      JSON.stringify(user),
      sessionId,
      sortKey(user),
    )) as [number, number, number];
    return first === 1 ? { sessionId, user, online: true, count, version } : null;
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

  /** How many users are in the room, and the presence version (0 before any change). */
  async count(sessionId: string): Promise<{ count: number; version: number }> {
    const keys = this.keys(sessionId);
    const [[, count], [, version]] = (await this.redis
      .pipeline()
      .hlen(keys[2])
      .get(keys[7])
      .exec()) as [[null, number], [null, string | null]];
    return { count, version: Number(version ?? 0) };
  }

  /**
   * Up to `limit` users of the room by name (then id), after the cursor `after` (the `next` of
   * the page before: the last user's sort key, base64url): O(log N + limit) whatever the size
   * of the room.
   */
  async page(sessionId: string, after: string | undefined, limit: number): Promise<PresencePage> {
    const keys = this.keys(sessionId);
    const ranks = await this.redis.zrangebylex(
      keys[5],
      after === undefined ? '-' : `(${Buffer.from(after, 'base64url').toString()}`,
      '+',
      'LIMIT',
      0,
      limit + 1,
    );
    const shown = ranks.slice(0, limit);
    const users = await this.users(
      sessionId,
      shown.map((rank) => rank.slice(rank.lastIndexOf('\u0000') + 1)),
    );
    const last = shown.at(-1);
    return {
      users,
      next: ranks.length > limit && last ? Buffer.from(last).toString('base64url') : null,
    };
  }

  /** Those of `userIds` in the room now, in the order given. */
  async users(sessionId: string, userIds: string[]): Promise<PresenceUser[]> {
    if (userIds.length === 0) return [];
    const info = await this.redis.hmget(this.keys(sessionId)[3], ...userIds);
    return info
      .filter((json): json is string => json !== null)
      .map((json) => JSON.parse(json) as PresenceUser);
  }

  /**
   * The changes after version `since`, each user once with their latest state, with the version
   * they bring the client to; null when the log no longer reaches back that far (or holds more
   * than `max` changes since), and the client must load the room again.
   */
  async changesSince(
    sessionId: string,
    since: number,
    max: number,
  ): Promise<{ changes: { user: PresenceUser; online: boolean }[]; version: number } | null> {
    const keys = this.keys(sessionId);
    const [[, current], [, entries]] = (await this.redis
      .pipeline()
      .get(keys[7])
      .zrangebyscore(keys[8], `(${since}`, '+inf', 'LIMIT', 0, max + 1)
      .exec()) as [[null, string | null], [null, string[]]];
    const version = Number(current ?? 0);
    if (since > version || entries.length > max) return null;
    const log = entries.map(
      (json) => JSON.parse(json) as { v: number; online: boolean; user: PresenceUser },
    );
    // Nothing may be missing between the client's version and the first change kept.
    if (version > since && log[0]?.v !== since + 1) return null;
    const latest = new Map<string, { user: PresenceUser; online: boolean }>();
    for (const entry of log) {
      latest.delete(entry.user.userId);
      latest.set(entry.user.userId, { user: entry.user, online: entry.online });
    }
    return { changes: [...latest.values()], version: Math.max(version, log.at(-1)?.v ?? 0) };
  }

  /** Everyone in the room now (for tests and upkeep: a client pages with `page`). */
  async list(sessionId: string): Promise<PresenceUser[]> {
    const info = await this.redis.hvals(this.keys(sessionId)[3]);
    return info
      .map((json) => JSON.parse(json) as PresenceUser)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private async remove(sessionId: string, args: (string | number)[]): Promise<PresenceChange[]> {
    const [count, version, ...gone] = (await this.redis.eval(
      LEAVE,
      KEY_COUNT,
      ...this.keys(sessionId),
      ...args,
    )) as [number, number, ...string[]];
    return gone.map((json, index) => ({
      sessionId,
      user: JSON.parse(json) as PresenceUser,
      online: false,
      count,
      version: version - (gone.length - 1 - index),
    }));
  }
}
