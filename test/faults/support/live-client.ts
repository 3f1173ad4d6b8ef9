import { io, type Socket } from 'socket.io-client';
import type { Announcement, LiveSessionState } from '../../../src/live/live.events';
import { waitUntil } from './servers';

interface JoinAck {
  ok: boolean;
  state?: LiveSessionState;
  error?: { statusCode: number; message: string };
}

/**
 * A live-room client that behaves as the web app's (web/src/live.ts, pages/live.tsx): it
 * reconnects by itself and sends `session:join` again on every (re)connection, keeping what each
 * join acknowledgement and each event brought.
 */
export class RoomClient {
  readonly socket: Socket;
  readonly joins: JoinAck[] = [];
  readonly announcements: Announcement[] = [];
  connects = 0;
  disconnects = 0;
  recovered = 0;

  constructor(url: string, token: string, sessionId: string) {
    this.socket = io(`${url}/live`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
    });
    this.socket.on('connect', () => {
      this.connects += 1;
      if (this.socket.recovered) this.recovered += 1;
      this.socket
        .timeout(10_000)
        .emitWithAck('session:join', { sessionId })
        .then((ack: JoinAck) => this.joins.push(ack))
        .catch((error: Error) =>
          this.joins.push({ ok: false, error: { statusCode: 0, message: error.message } }),
        );
    });
    this.socket.on('disconnect', () => (this.disconnects += 1));
    this.socket.on('announcement', (announcement: Announcement) =>
      this.announcements.push(announcement),
    );
  }

  /** Waits for the `n`th successful join (1-based). */
  async joined(n: number, timeoutMs = 30_000): Promise<LiveSessionState> {
    await waitUntil(
      `join number ${n}`,
      () => this.joins.filter((ack) => ack.ok).length >= n,
      timeoutMs,
    );
    return this.joins.filter((ack) => ack.ok)[n - 1].state!;
  }

  /** Every announcement text this client saw: live, or in the state a join brought. */
  seen(): string[] {
    const fromJoins = this.joins.flatMap((ack) => ack.state?.announcements ?? []);
    return [...new Set([...this.announcements, ...fromJoins].map((item) => item.text))];
  }

  /** Sends `session:join` once more and returns the state it brings. */
  async join(sessionId: string): Promise<LiveSessionState> {
    const ack = (await this.socket
      .timeout(10_000)
      .emitWithAck('session:join', { sessionId })) as JoinAck;
    if (!ack.ok || !ack.state) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
    return ack.state;
  }

  async announce(sessionId: string, text: string): Promise<{ ok: boolean }> {
    return (await this.socket.timeout(10_000).emitWithAck('announce', { sessionId, text })) as {
      ok: boolean;
    };
  }

  close(): void {
    this.socket.disconnect();
  }
}
