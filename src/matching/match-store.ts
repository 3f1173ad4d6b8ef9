import type { EntityManager } from 'typeorm';
import type { TopMatches } from './scoring/score-kernel';

/** Matches kept per company. */
export const TOP_K = 50;

/** Rows per INSERT … SELECT FROM unnest(…): large enough to be fast, small enough for memory. */
const BATCH = 20_000;

/**
 * Writes the top matches of the companies at `positions` (indices into `ids`) into a generation,
 * replacing what those companies had there. One multi-row insert per batch through UNNEST: a
 * TypeORM save per row would be far too slow.
 */
export async function replaceMatches(
  manager: EntityManager,
  sessionId: string,
  generation: number,
  ids: readonly string[],
  top: TopMatches,
  positions: Iterable<number>,
): Promise<number> {
  const companies: string[] = [];
  const companyCol: string[] = [];
  const otherCol: string[] = [];
  const scoreCol: number[] = [];
  for (const a of positions) {
    companies.push(ids[a]);
    for (let i = 0; i < top.counts[a]; i++) {
      companyCol.push(ids[a]);
      otherCol.push(ids[top.others[a * top.k + i]]);
      scoreCol.push(Math.round(top.scores[a * top.k + i] * 10) / 10);
    }
  }
  await manager.query(
    'DELETE FROM match_scores WHERE session_id = $1 AND generation = $2 AND company_id = ANY($3::uuid[])',
    [sessionId, generation, companies],
  );
  for (let start = 0; start < companyCol.length; start += BATCH) {
    const end = start + BATCH;
    await manager.query(
      `INSERT INTO match_scores (session_id, generation, company_id, other_id, score)
       SELECT $1, $2, * FROM unnest($3::uuid[], $4::uuid[], $5::real[])`,
      [
        sessionId,
        generation,
        companyCol.slice(start, end),
        otherCol.slice(start, end),
        scoreCol.slice(start, end),
      ],
    );
  }
  return companyCol.length;
}
