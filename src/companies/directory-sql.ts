import type { PageStart } from '../common/keyset';

/**
 * The directory's SQL, built from plain data: the service runs it, and so do the EXPLAIN test
 * (`test/list-plans.e2e-spec.ts`) and `bench/lists.ts`, so the plans checked and the figures
 * measured are those of the statements users wait for.
 *
 * Without a search the order is (name, id), served by `companies_name_id_idx`: a page is an
 * index range scan that stops after `limit` visible rows, at any depth when read by cursor. With
 * a search (`q`), the GIN index finds the matches and they are ranked, best first; the cursor then
 * holds the rank too.
 */
export interface DirectoryFilter {
  /** Organisers see every company; anyone else verified ones and their own (`userId`'s). */
  organiser: boolean;
  userId: string;
  country?: string;
  sector?: string;
  status?: string;
  partnerType?: string;
  targetMarket?: string;
  /** A prefix tsquery (`toPrefixTsQuery`), or null for no search. */
  tsQuery: string | null;
}

/** The sort key of a row: [name, id], or [rank, name, id] when searching. */
export type DirectoryKey = readonly [string, string] | readonly [number, string, string];

export const DIRECTORY_COLUMNS = `c.id, c.name, c.country, c.city, c.website, c.description, c.sectors,
  c.offers, c.seeks, c.partner_types AS "partnerTypes", c.target_markets AS "targetMarkets",
  c.languages, c.timezone, c.employees, c.status, c.status_changed_at AS "statusChangedAt",
  c.status_reason AS "statusReason", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** `FROM companies c WHERE …` of the filter, with its parameters ($1…). */
export function directoryFromWhere(filter: DirectoryFilter): {
  sql: string;
  params: unknown[];
  /** The search's rank of a row, or null without a search. */
  rank: string | null;
} {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown): string => `$${params.push(value)}`;
  if (!filter.organiser) {
    where.push(
      `(c.status = 'verified' OR c.id IN (SELECT m.company_id FROM company_members m WHERE m.user_id = ${param(filter.userId)}))`,
    );
  }
  if (filter.country) where.push(`c.country = ${param(filter.country)}`);
  if (filter.sector) where.push(`${param(filter.sector)} = ANY(c.sectors)`);
  if (filter.status) where.push(`c.status = ${param(filter.status)}`);
  if (filter.partnerType) where.push(`${param(filter.partnerType)} = ANY(c.partner_types)`);
  if (filter.targetMarket) where.push(`${param(filter.targetMarket)} = ANY(c.target_markets)`);
  let rank: string | null = null;
  if (filter.tsQuery) {
    const tsQuery = `to_tsquery('simple', ${param(filter.tsQuery)})`;
    where.push(`c.search_document @@ ${tsQuery}`);
    rank = `ts_rank(c.search_document, ${tsQuery})::real`;
  }
  return {
    sql: `FROM companies c${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params,
    rank,
  };
}

/** One page of the directory: `limit` rows (ask for one more to learn if a page follows). */
export function directoryPageSql(
  filter: DirectoryFilter,
  start: PageStart<DirectoryKey>,
  limit: number,
): { sql: string; params: unknown[] } {
  const { sql: fromWhere, params, rank } = directoryFromWhere(filter);
  const param = (value: unknown): string => `$${params.push(value)}`;
  let after = '';
  if ('after' in start) {
    const key = start.after;
    const joiner = fromWhere.includes(' WHERE ') ? ' AND' : ' WHERE';
    if (rank && key.length === 3) {
      const [r, name, id] = key;
      const at = param(r);
      after = `${joiner} (${rank} < ${at}::real OR (${rank} = ${at}::real AND (c.name, c.id) > (${param(name)}, ${param(id)}::uuid)))`;
    } else if (!rank && key.length === 2) {
      after = `${joiner} (c.name, c.id) > (${param(key[0])}, ${param(key[1])}::uuid)`;
    } else {
      throw new Error('a directory cursor of the other order');
    }
  }
  const order = rank ? `${rank} DESC, c.name, c.id` : 'c.name, c.id';
  const offset = 'offset' in start && start.offset > 0 ? ` OFFSET ${param(start.offset)}` : '';
  return {
    sql: `SELECT ${DIRECTORY_COLUMNS}${rank ? `, ${rank} AS rank` : ''} ${fromWhere}${after}
      ORDER BY ${order} LIMIT ${param(limit)}${offset}`,
    params,
  };
}
