import type { EntityManager } from 'typeorm';

/*
 * The surveys of a closed session, planned in the transaction that closes it (or that changes its
 * months after the close): one per firm that held at least one meeting and per month of the
 * session's `followUpMonths`, due that many calendar months after the close (PostgreSQL's
 * interval arithmetic: 31 January + 1 month is 28 or 29 February). The unique key (session, firm,
 * months) makes planning again a no-op for surveys already there, sent or not.
 */

/** Plans the surveys of a session closed at `closedAt`; returns how many were added. */
export async function planFollowUps(
  manager: EntityManager,
  sessionId: string,
  closedAt: Date,
  months: readonly number[],
): Promise<number> {
  if (months.length === 0) return 0;
  // An INSERT's raw answer is its rows (an UPDATE's or DELETE's would be [rows, count]).
  const rows = await manager.query<{ id: string }[]>(
    `INSERT INTO follow_up_surveys (session_id, company_id, months, due_at)
     SELECT $1, firm.company_id, m, $2::timestamptz + make_interval(months => m)
       FROM (SELECT company_a AS company_id FROM meetings WHERE session_id = $1 AND status = 'held'
             UNION
             SELECT company_b FROM meetings WHERE session_id = $1 AND status = 'held') firm
      CROSS JOIN unnest($3::int[]) AS m
     ON CONFLICT ON CONSTRAINT follow_up_surveys_key DO NOTHING
     RETURNING id`,
    [sessionId, closedAt, [...months]],
  );
  return rows.length;
}

/**
 * Withdraws the surveys not sent yet: all of them when the close is taken back (`keep` empty),
 * or those of months no longer asked for. Sent ones stay: their links and answers are history.
 */
export async function withdrawUnsentFollowUps(
  manager: EntityManager,
  sessionId: string,
  keep: readonly number[] = [],
): Promise<void> {
  await manager.query(
    `DELETE FROM follow_up_surveys
      WHERE session_id = $1 AND sent_at IS NULL AND NOT (months = ANY($2::int[]))`,
    [sessionId, [...keep]],
  );
}

/** The organiser changed the months of a closed session: plan it again from its close. */
export async function replanFollowUps(
  manager: EntityManager,
  sessionId: string,
  closedAt: Date,
  months: readonly number[],
): Promise<void> {
  await withdrawUnsentFollowUps(manager, sessionId, months);
  await planFollowUps(manager, sessionId, closedAt, months);
}
