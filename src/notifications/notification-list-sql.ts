import type { PageStart } from '../common/keyset';

/**
 * The SQL of a user's notification centre, built from plain data (run by the service, the EXPLAIN
 * test and the benchmark): newest first, (created_at, id) descending, read backwards along
 * `notifications_user_created_id_idx`; the cursor carries both, the instant as PostgreSQL's text
 * (microseconds, which a JavaScript Date would lose).
 */
export interface NotificationFilter {
  userId: string;
  /** `true`: unread only; `false`: read only; undefined: all. */
  unread?: 'true' | 'false';
}

/** The sort key of a notification: its instant (as text) and id. */
export type NotificationKey = readonly [string, string];

export function notificationsFromWhere(filter: NotificationFilter): {
  sql: string;
  params: unknown[];
} {
  const read =
    filter.unread === 'true'
      ? ' AND n.read_at IS NULL'
      : filter.unread === 'false'
        ? ' AND n.read_at IS NOT NULL'
        : '';
  return {
    sql: `FROM notifications n WHERE n.user_id = $1 AND n.created_at <= now()${read}`,
    params: [filter.userId],
  };
}

export function notificationsPageSql(
  filter: NotificationFilter,
  start: PageStart<NotificationKey>,
  limit: number,
): { sql: string; params: unknown[] } {
  const { sql: fromWhere, params } = notificationsFromWhere(filter);
  const param = (value: unknown): string => `$${params.push(value)}`;
  const after =
    'after' in start
      ? ` AND (n.created_at, n.id) < (${param(start.after[0])}::timestamptz, ${param(start.after[1])}::uuid)`
      : '';
  const offset = 'offset' in start && start.offset > 0 ? ` OFFSET ${param(start.offset)}` : '';
  return {
    sql: `SELECT n.id, n.kind, n.params, n.link, n.created_at AS "createdAt", n.read_at AS "readAt",
              n.created_at::text AS "createdAtKey"
         ${fromWhere}${after}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${param(limit)}${offset}`,
    params,
  };
}
