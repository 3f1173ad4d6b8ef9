import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/** Listens on a free port and returns the base URL. */
export async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** socket.io clients of one suite: `connect` opens them, `closeAll` (afterEach) closes them. */
export class LiveClients {
  private readonly open: Socket[] = [];

  connect(
    url: string,
    token?: string,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): Socket {
    const socket = io(`${url}/live`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...options,
    });
    this.open.push(socket);
    return socket;
  }

  /** Connects and resolves once the handshake is accepted. */
  async connected(url: string, token: string): Promise<Socket> {
    const socket = this.connect(url, token);
    await connected(socket);
    return socket;
  }

  closeAll(): void {
    for (const socket of this.open.splice(0)) socket.disconnect();
  }
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export function refused(socket: Socket): Promise<Error> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but should have been refused')));
    socket.once('connect_error', resolve);
  });
}

/** Collects every event of one name a socket receives. */
export function collect<T>(socket: Socket, event: string): T[] {
  const received: T[] = [];
  socket.on(event, (payload: T) => received.push(payload));
  return received;
}

/** Sends a request and resolves with its acknowledgement. */
export function request<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (events arrive asynchronously), or fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await settle(50);
  }
}
