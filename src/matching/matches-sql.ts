import type { PageStart } from '../common/keyset';

/**
 * The SQL of a company's ranked matches, built from plain data: the service runs it, and so do
 * the EXPLAIN test and `bench/lists.ts`. A company has at most `TOP_K` rows of a generation,
 * read by the primary key (session, generation, company, other) and sorted in memory: the order
 * (score desc, other id) is a total one, which the cursor (`after`) carries.
 */
export interface MatchesFilter {
  sessionId: string;
  generation: number;
  companyId: string;
  country: string | null;
  minScore: number;
  sector: string | null;
  preference: string | null;
  includeHidden: boolean;
}

/** The sort key of a match: its score and the other firm's id. */
export type MatchKey = readonly [number, string];

/** `FROM … WHERE …` of the filter, with its eight parameters. */
export function matchesFromWhere(filter: MatchesFilter): { sql: string; params: unknown[] } {
  return {
    sql: `FROM match_scores m JOIN companies c ON c.id = m.other_id
         LEFT JOIN meeting_preferences p ON p.session_id = m.session_id
              AND p.company_id = m.company_id AND p.other_company_id = m.other_id
        WHERE m.session_id = $1 AND m.generation = $2 AND m.company_id = $3
          AND ($4::text IS NULL OR c.country = $4) AND m.score >= $5
          AND ($6::text IS NULL OR $6 = ANY(c.sectors))
          AND ($7::text IS NULL OR p.preference = $7 OR ($7 = 'none' AND p.preference IS NULL))
          AND ($8 OR $7 = 'not-interested' OR p.preference IS DISTINCT FROM 'not-interested')`,
    params: [
      filter.sessionId,
      filter.generation,
      filter.companyId,
      filter.country,
      filter.minScore,
      filter.sector,
      filter.preference,
      filter.includeHidden,
    ],
  };
}

/** One page of matches, best first: `limit` rows (one more than shown tells if a page follows). */
export function matchesPageSql(
  filter: MatchesFilter,
  start: PageStart<MatchKey>,
  limit: number,
): { sql: string; params: unknown[] } {
  const { sql: fromWhere, params } = matchesFromWhere(filter);
  const param = (value: unknown): string => `$${params.push(value)}`;
  let after = '';
  if ('after' in start) {
    const at = param(start.after[0]);
    after = ` AND (m.score < ${at}::real OR (m.score = ${at}::real AND m.other_id > ${param(start.after[1])}::uuid))`;
  }
  const offset = 'offset' in start && start.offset > 0 ? ` OFFSET ${param(start.offset)}` : '';
  return {
    sql: `SELECT m.other_id, m.score, c.name, c.country, c.city, c.website, c.sectors, c.offers,
              c.seeks, c.partner_types, c.languages, c.timezone, c.employees, p.preference
         ${fromWhere}${after}
        ORDER BY m.score DESC, m.other_id LIMIT ${param(limit)}${offset}`,
    params,
  };
}
