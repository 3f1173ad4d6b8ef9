import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import {
  createStreamsAdapter,
  RECOVERY_WINDOW_MS,
  type StreamsAdapterHandle,
} from './streams-adapter';

/**
 * socket.io on the Redis streams adapter, so that an event emitted by any API process (or the
 * worker) reaches the clients connected to every other one, with connection state recovery: a
 * client back within two minutes keeps its id, rooms and data and receives what it missed.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly streams: StreamsAdapterHandle;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.streams = createStreamsAdapter(config);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.corsOrigins.length > 0 ? this.config.corsOrigins : false },
      // The handshake middleware runs again on recovery, so a revoked token stays refused.
      connectionStateRecovery: {
        maxDisconnectionDuration: RECOVERY_WINDOW_MS,
        skipMiddlewares: false,
      },
      maxHttpBufferSize: 256 * 1024,
    } as ServerOptions);
    server.adapter(this.streams.adapter);
    return server;
  }

  /** Nest calls this once on app.close(); the Redis client is closed here and nowhere else. */
  override async dispose(): Promise<void> {
    await super.dispose();
    await this.streams.close();
  }
}
