import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One company's ranked match in a session: the top matches of each company, written in bulk by
 * the scoring jobs. Rows belong to a generation; the session's `score_generation` says which one
 * reads use, so a full rescore replaces the old scores at once.
 */
@Entity('match_scores')
// The primary key (session, generation, company, other) also serves the ranking read: at most
// 50 rows per company, sorted after the index scan. No foreign keys: rows are written in bulk.
export class MatchScore {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @PrimaryColumn({ type: 'integer' })
  generation: number;

  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @PrimaryColumn({ type: 'uuid', name: 'other_id' })
  otherId: string;

  @Column({ type: 'real' })
  score: number;
}
