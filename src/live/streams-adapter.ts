import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis, type Command, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** How long a dropped client may be away and still get what it missed (connection state recovery). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * An ioredis client whose commands never become unhandled rejections. The adapter drops the
 * promises of some commands (SUBSCRIBE on its reader, PUBLISH, SET of recovery sessions); when
 * Redis is away or the process is closing they reject, which would otherwise crash the process.
 * Callers that await a command still see its error.
 */
class QuietRedis extends Redis {
  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    const result = super.sendCommand(command, stream);
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  }

  override duplicate(override?: Partial<RedisOptions>): Redis {
    return new QuietRedis({ ...this.options, ...override });
  }
}

export interface StreamsAdapterHandle {
  /** The adapter constructor to hand to a socket.io server. */
  adapter: ReturnType<typeof createAdapter>;
  /** Closes the adapter's own Redis client (its readers close with the server). */
  close(): Promise<void>;
}

/**
 * The socket.io Redis streams adapter, shared by the API processes and the worker: every packet
 * goes through one Redis stream that each process reads from where it left off, which is what
 * lets a reconnecting client recover the events it missed. Keys carry the configured prefix.
 */
export function createStreamsAdapter(config: AppConfig): StreamsAdapterHandle {
  // ioredis connects and reconnects by itself; until then the adapter's commands wait.
  const redis = new QuietRedis(config.redisUrl);
  redis.on('error', () => undefined);
  const adapter = createAdapter(redis, {
    streamName: `${config.redisPrefix}:socket.io`,
    channelPrefix: `${config.redisPrefix}:socket.io`,
    sessionKeyPrefix: `${config.redisPrefix}:socket.io:session:`,
    maxLen: 10_000,
    // A reader blocks this long for new entries (it returns at once when one comes); a closing
    // process waits for its reader's last call, so keep it short.
    blockTimeInMs: 1000,
  });
  return {
    adapter,
    close: async () => {
      // QUIT waits for a connection that may never come; an unconnected client just disconnects.
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
