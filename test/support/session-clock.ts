import type { DataSource } from 'typeorm';

/**
 * Runs `action` as if the slot starting at `slotStartsAt` had begun a minute ago: the session's
 * window (and its request deadline) is moved back in time by as much, then put back, whatever
 * `action` does. Meetings live in slots derived from the session's start, so they move with it:
 * the only way to mark held, or rate, a meeting of a session planned in the future, which is
 * where the tests plan them (scheduling plans no slot that has begun). Nothing else may write
 * the session's window meanwhile.
 */
export async function atSlot<T>(
  db: DataSource,
  sessionId: string,
  slotStartsAt: string,
  action: () => Promise<T>,
): Promise<T> {
  const shiftMs = Date.parse(slotStartsAt) - (Date.now() - 60_000);
  const move = (ms: number) =>
    db.query(
      `UPDATE sessions SET starts_at = starts_at - make_interval(secs => $2::float8 / 1000),
              ends_at = ends_at - make_interval(secs => $2::float8 / 1000),
              request_deadline = request_deadline - make_interval(secs => $2::float8 / 1000)
        WHERE id = $1`,
      [sessionId, ms],
    );
  await move(shiftMs);
  try {
    return await action();
  } finally {
    await move(-shiftMs);
  }
}
