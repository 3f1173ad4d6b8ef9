import type { DataSource } from 'typeorm';

/**
 * How many rows a list has, without counting every one of them on every page. PostgreSQL's own
 * estimate of the filter's rows comes first, from `EXPLAIN` (planning only, well under a
 * millisecond). Past `EXACT_TOTAL_UP_TO` that estimate is the total, and said to be one
 * (`totalIsEstimate`): "about 100,000 firms" needs no count of 100,000 rows per page. Below it the
 * rows are counted, stopping at the cap: a list the planner thought small that is not is then
 * also answered with an estimate, never with a count of every row.
 */
export const EXACT_TOTAL_UP_TO = 1_000;

/** Runs one SQL statement with positional parameters and answers its rows. */
export type RunSql = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

/**
 * `RunSql` on the data source's pool. The lists run a page and its total at once, so this takes
 * the pool, never one connection (a transaction's EntityManager), where they would queue up.
 */
export function runSql(db: DataSource): RunSql {
  return <Row>(sql: string, params: readonly unknown[]) => db.query<Row[]>(sql, [...params]);
}

export interface ListTotal {
  total: number;
  totalIsEstimate: boolean;
}

/** The two statements `listTotal` runs for a list's `FROM … WHERE …` (exposed for EXPLAIN tests). */
export function totalSql(fromWhere: string): { capped: string; estimate: string } {
  return {
    capped: `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${EXACT_TOTAL_UP_TO + 1}) capped`,
    estimate: `EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`,
  };
}

interface ExplainRow {
  'QUERY PLAN': { Plan: { 'Plan Rows': number } }[];
}

export async function listTotal(
  run: RunSql,
  fromWhere: string,
  params: readonly unknown[],
): Promise<ListTotal> {
  const sql = totalSql(fromWhere);
  const [plan] = await run<ExplainRow>(sql.estimate, params);
  const estimate = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estimate > EXACT_TOTAL_UP_TO) return { total: estimate, totalIsEstimate: true };
  const [{ n }] = await run<{ n: number }>(sql.capped, params);
  if (n <= EXACT_TOTAL_UP_TO) return { total: n, totalIsEstimate: false };
  // The planner underestimated: the list passed the cap, and its total is not counted further.
  return { total: EXACT_TOTAL_UP_TO + 1, totalIsEstimate: true };
}
