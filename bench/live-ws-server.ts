import { WebSocketServer, type RawData } from 'ws';

/**
 * The plain `ws` server that `bench/live.ts` measures beside socket.io, run as a child process so
 * that its memory is its own. Every client is in the one "room"; a message `{ sessionId, text,
 * from }` from any client is stamped with `at` and sent to every client, the sender included, as
 * the `/live` namespace does with an announcement. The JSON is encoded once per broadcast. Prints
 * `ready <port>` once it listens on 127.0.0.1.
 */
interface Announce {
  sessionId: string;
  text: string;
  from: unknown;
}

function parse(data: RawData): Announce | null {
  try {
    const value = JSON.parse(Buffer.isBuffer(data) ? data.toString() : '') as Partial<Announce>;
    return typeof value.sessionId === 'string' &&
      typeof value.text === 'string' &&
      value.text.length <= 500
      ? { sessionId: value.sessionId, text: value.text, from: value.from }
      : null;
  } catch {
    return null;
  }
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });

server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const announce = parse(data);
    if (!announce) return;
    const frame = Buffer.from(JSON.stringify({ ...announce, at: new Date().toISOString() }));
    for (const client of server.clients) {
      if (client.readyState === client.OPEN) client.send(frame, { binary: false });
    }
  });
});

server.on('listening', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : address}`);
});

process.on('SIGTERM', () => process.exit(0));
