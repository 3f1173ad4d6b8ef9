import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const SPAWNED_PORT = 6389;

export interface LocalRedis {
  url: string;
  description: string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function spawnRedisServer(port: number): Promise<ChildProcess | null> {
  return new Promise((resolve) => {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child.once('error', () => resolve(null));
    child.once('spawn', () => resolve(child));
  });
}

/**
 * Redis for `npm start` without REDIS_URL: the one on 127.0.0.1:6379, else a `redis-server`
 * started here (nothing kept on disk), else one clear sentence on how to get Redis.
 */
export async function startLocalRedis(log: (line: string) => void): Promise<LocalRedis> {
  if (await answers(DEFAULT_REDIS_URL)) {
    return {
      url: DEFAULT_REDIS_URL,
      description: 'the Redis on 127.0.0.1:6379',
      stop: () => Promise.resolve(),
    };
  }
  const child = await spawnRedisServer(SPAWNED_PORT);
  const url = `redis://127.0.0.1:${SPAWNED_PORT}`;
  if (child) {
    log(`No Redis on 127.0.0.1:6379; started redis-server on port ${SPAWNED_PORT}.`);
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await answers(url)) {
        return {
          url,
          description: `a redis-server started for you on 127.0.0.1:${SPAWNED_PORT}`,
          stop: async () => {
            child.kill('SIGTERM');
            await new Promise((resolve) => child.once('exit', resolve));
          },
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
  }
  throw new Error(
    'No Redis: nothing answers on 127.0.0.1:6379 and no redis-server could be started; install it ' +
      '(apt-get install redis-server, or brew install redis), run `docker compose up -d redis`, or set REDIS_URL.',
  );
}
