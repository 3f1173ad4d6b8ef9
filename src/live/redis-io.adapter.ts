import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';

/**
 * socket.io with the Redis adapter, so that an event emitted by any API process reaches the
 * clients connected to every other one.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    // ioredis connects and reconnects by itself; until then the adapter's commands wait.
    this.pub = new Redis(config.redisUrl);
    this.sub = this.pub.duplicate();
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.corsOrigins.length > 0 ? this.config.corsOrigins : false },
    } as ServerOptions);
    server.adapter(
      createAdapter(this.pub, this.sub, { key: `${this.config.redisPrefix}:socket.io` }),
    );
    return server;
  }

  /** Nest calls this once on app.close(); the Redis clients are closed here and nowhere else. */
  override async dispose(): Promise<void> {
    await super.dispose();
    for (const client of [this.pub, this.sub]) {
      // QUIT waits for a connection that may never come; an unconnected client just disconnects.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }
  }
}
