import type { PageStart } from '../common/keyset';

/**
 * The SQL of a session's participants, by company name (then id), built from plain data (run by
 * the service, the EXPLAIN test and the benchmark). The participants' primary key (session,
 * company) finds a session's firms; the cursor (`after`) carries the last name and id.
 */
export type ParticipantKey = readonly [string, string];

export function participantsFromWhere(sessionId: string): { sql: string; params: unknown[] } {
  return {
    sql: `FROM session_participants p JOIN companies c ON c.id = p.company_id WHERE p.session_id = $1`,
    params: [sessionId],
  };
}

export function participantsPageSql(
  sessionId: string,
  start: PageStart<ParticipantKey>,
  limit: number,
): { sql: string; params: unknown[] } {
  const { sql: fromWhere, params } = participantsFromWhere(sessionId);
  const param = (value: unknown): string => `$${params.push(value)}`;
  const after =
    'after' in start
      ? ` AND (c.name, c.id) > (${param(start.after[0])}, ${param(start.after[1])}::uuid)`
      : '';
  const offset = 'offset' in start && start.offset > 0 ? ` OFFSET ${param(start.offset)}` : '';
  return {
    sql: `SELECT p.session_id AS "sessionId", p.company_id AS "companyId", c.name, c.country, c.city,
              c.sectors, p.availability, p.created_at AS "joinedAt"
         ${fromWhere}${after}
        ORDER BY c.name, c.id LIMIT ${param(limit)}${offset}`,
    params,
  };
}
