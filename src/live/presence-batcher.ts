import type { WirePresenceChange } from './live.events';
import type { PresenceChange } from './presence.service';

/** One `presence` event: who came and went in a session's room over a short window. */
export interface PresenceBatch {
  sessionId: string;
  changes: WirePresenceChange[];
  /** Changes not listed: the batch was larger than `maxListed`. */
  omitted: number;
  /** Users in the room after these changes. */
  count: number;
  /** The presence version after these changes. */
  version: number;
}

export interface PresenceBatcherOptions {
  /** How long a session's changes are gathered, given the number of users in its room. */
  windowMs: (count: number) => number;
  /** Most changes a batch lists; a larger one lists none and says how many it left out. */
  maxListed: number;
  /** Sends a batch to the session's room. */
  send: (batch: PresenceBatch) => void;
  /** Given the changes a batch left out, so that those who need them hear of them otherwise. */
  omitted?: (sessionId: string, changes: WirePresenceChange[]) => void;
}

/**
 * Gathers a session's presence changes for a window and hands them on as one batch, each user
 * once with their latest state. When thousands of firms walk into a room at the start of a
 * session, every client then gets a few events instead of one per arrival (with N arrivals,
 * N × N messages in all); and a batch too large to list is sent as the count alone, so that the
 * bytes each client receives do not grow with the room either (N × N × a user's size in all).
 */
export class PresenceBatcher {
  private readonly pending = new Map<
    string,
    { changes: Map<string, WirePresenceChange>; count: number; version: number }
  >();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: PresenceBatcherOptions) {}

  add(change: PresenceChange): void {
    let batch = this.pending.get(change.sessionId);
    if (!batch) {
      batch = { changes: new Map(), count: change.count, version: change.version };
      this.pending.set(change.sessionId, batch);
      const timer = setTimeout(
        () => this.flush(change.sessionId),
        this.options.windowMs(change.count),
      );
      timer.unref();
      this.timers.set(change.sessionId, timer);
    }
    // Re-inserted so that the batch lists users in the order of their latest change.
    batch.changes.delete(change.user.userId);
    batch.changes.set(change.user.userId, { user: change.user, online: change.online });
    // Changes may be announced out of order: the count of the latest version holds.
    if (change.version >= batch.version) {
      batch.version = change.version;
      batch.count = change.count;
    }
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
    if (!batch) return;
    const changes = [...batch.changes.values()];
    const listed = changes.length <= this.options.maxListed;
    this.options.send({
      sessionId,
      changes: listed ? changes : [],
      omitted: listed ? 0 : changes.length,
      count: batch.count,
      version: batch.version,
    });
    if (!listed) this.options.omitted?.(sessionId, changes);
  }
}
