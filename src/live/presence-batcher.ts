import type { PresenceUser } from './live.events';
import type { PresenceChange } from './presence.service';

/** One `presence` event: who came and went in a session's room over a short window. */
export interface PresenceBatch {
  sessionId: string;
  changes: { user: PresenceUser; online: boolean }[];
  /** Users in the room after these changes. */
  count: number;
}

/**
 * Gathers a session's presence changes for `windowMs` and hands them on as one batch, each user
 * once with their latest state. When hundreds of firms walk into a room at the start of a
 * session, every client then gets a few events instead of one per arrival (with N arrivals,
 * N × N messages in all).
 */
export class PresenceBatcher {
  private readonly pending = new Map<
    string,
    { changes: Map<string, PresenceBatch['changes'][number]>; count: number }
  >();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly windowMs: number,
    private readonly send: (batch: PresenceBatch) => void,
  ) {}

  add(change: PresenceChange): void {
    let batch = this.pending.get(change.sessionId);
    if (!batch) {
      batch = { changes: new Map(), count: change.count };
      this.pending.set(change.sessionId, batch);
      const timer = setTimeout(() => this.flush(change.sessionId), this.windowMs);
      timer.unref();
      this.timers.set(change.sessionId, timer);
    }
    // Re-inserted so that the batch lists users in the order of their latest change.
    batch.changes.delete(change.user.userId);
    batch.changes.set(change.user.userId, { user: change.user, online: change.online });
    batch.count = change.count;
  }

  /** Sends what is pending at once (on shutdown). */
  flushAll(): void {
    for (const sessionId of [...this.pending.keys()]) this.flush(sessionId);
  }

  private flush(sessionId: string): void {
    const batch = this.pending.get(sessionId);
    clearTimeout(this.timers.get(sessionId));
    this.timers.delete(sessionId);
    this.pending.delete(sessionId);
    if (batch) this.send({ sessionId, changes: [...batch.changes.values()], count: batch.count });
  }
}
