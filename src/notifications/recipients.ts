import type { EntityManager } from 'typeorm';

/** The users who speak for these companies: who a firm's notice goes to. */
export async function usersOfCompanies(
  manager: EntityManager,
  companyIds: readonly string[],
): Promise<string[]> {
  const rows = await manager.query<{ user_id: string }[]>(
    'SELECT DISTINCT user_id FROM company_members WHERE company_id = ANY($1::uuid[])',
    [companyIds],
  );
  return rows.map((row) => row.user_id);
}
