import type { DataSource, EntityManager } from 'typeorm';

/** The companies taking part in a session: who hears of its changes over the live connection. */
export async function sessionCompanyIds(
  db: DataSource | EntityManager,
  sessionId: string,
): Promise<string[]> {
  const rows = await db.query<{ company_id: string }[]>(
    'SELECT company_id FROM session_participants WHERE session_id = $1',
    [sessionId],
  );
  return rows.map((row) => row.company_id);
}
