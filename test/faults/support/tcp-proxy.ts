import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A tiny TCP load balancer in front of several API processes: each new connection goes to the
 * next port in turn, and to the one after it when that one refuses (a dead process), as a load
 * balancer with health checks would. Counts where each connection went.
 */
export class TcpProxy {
  readonly connections: number[] = [];
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly targets: number[],
  ) {}

  static async start(targets: number[]): Promise<TcpProxy> {
    const accepted: { proxy?: TcpProxy } = {};
    const server = createServer((client) => accepted.proxy?.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    accepted.proxy = new TcpProxy(server, port, targets);
    return accepted.proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The backend port the `n`th connection (0-based) went to. */
  targetOf(n: number): number | undefined {
    return this.connections[n];
  }

  private accept(client: Socket, tried = 0): void {
    if (tried === 0) {
      this.sockets.add(client);
      client.once('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      client.pause();
    }
    const target = this.targets[this.next % this.targets.length];
    this.next += 1;
    const upstream = connect(target, '127.0.0.1');
    let connected = false;
    this.sockets.add(upstream);
    upstream.once('close', () => {
      this.sockets.delete(upstream);
      if (connected) client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      this.connections.push(target);
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      upstream.destroy();
      // Refused: that process is gone; the next one is tried.
      if (!connected && tried + 1 < this.targets.length && !client.destroyed) {
        this.accept(client, tried + 1);
      } else {
        client.destroy();
      }
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
