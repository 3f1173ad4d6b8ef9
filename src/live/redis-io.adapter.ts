import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { refuseOversizedMessages, TRANSPORT_LIMIT_BYTES } from './message-size';
import {
  createStreamsAdapter,
  RECOVERY_WINDOW_MS,
  type StreamsAdapterHandle,
} from './streams-adapter';

/**
 * Whether a browser page of `origin` may open the live connection: the API's own origin (the
 * web app it serves, or a dev server proxying to it with the page's Host), or one of
 * CORS_ORIGINS. Clients that send no Origin (servers, apps) are let through: the token decides.
 * CORS alone would not do: browsers apply it to socket.io's HTTP polling, not to WebSockets.
 */
export function isAllowedOrigin(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

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
      allowRequest: (request, callback) =>
        callback(null, isAllowedOrigin(request, this.config.corsOrigins)),
      // The handshake middleware runs again on recovery, so a revoked token stays refused.
      connectionStateRecovery: {
        maxDisconnectionDuration: RECOVERY_WINDOW_MS,
        skipMiddlewares: false,
      },
      // The transport's hard limit; each message is held to 256 KiB below it, with an answer.
      maxHttpBufferSize: TRANSPORT_LIMIT_BYTES,
    } as ServerOptions);
    server.adapter(this.streams.adapter);
    // Each socket would otherwise keep the HTTP request of its handshake (headers, the parsed
    // URL, the request's own socket objects) for its whole life: a few KiB times 10,000. The
    // handshake's headers and auth are copied into `socket.handshake` before this matters.
    server.engine.on('connection', (raw: { request: unknown }) => {
      raw.request = null;
    });
    return server;
  }

  /**
   * Nest binds a gateway's handlers to each new socket here: messages too large stop before
   * them. One plain listener per event rather than Nest's RxJS pipeline per event and socket
   * (a dozen subscriptions and operators each), which cost several KiB per connection in a room
   * of thousands. Same contract: the handler's result, once settled, is the acknowledgement.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    socket.use(refuseOversizedMessages);
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args) as {
          data: unknown;
          ack?: (response: unknown) => void;
        };
        transform(callback(data, ack)).subscribe({
          next: (response: unknown) => {
            if (response === null || response === undefined) return;
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) {
              socket.emit(reply.event, reply.data);
              return;
            }
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.logger.error(error),
        });
      });
    }
  }

  /** Nest calls this once on app.close(); the Redis client is closed here and nowhere else. */
  override async dispose(): Promise<void> {
    await super.dispose();
    await this.streams.close();
  }
}
