import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import {
  JOBS,
  QUEUES,
  fullRescoreJobId,
  type FinishRescoreJob,
  type ScoreBlockJob,
} from '../jobs/queues';
import { SessionsService } from '../sessions/sessions.service';
import type { MatchesQuery } from './dto/matches.dto';
import { explainPair } from './scoring/explain-pair';
import type { Reason } from './scoring/scoring-types';
import { ScoringQueue } from './scoring-queue';
import { loadProfilesOf, loadTagRarity, toScoringSession } from './session-inputs';

/** Companies per block job of a full rescore. */
export const BLOCK_SIZE = 1000;
const LAST = 2 ** 31 - 1;

export interface MatchView {
  company: {
    id: string;
    name: string;
    country: string;
    city: string;
    website: string | null;
    sectors: string[];
    offers: string[];
    seeks: string[];
    partnerTypes: string[];
    languages: string[];
    timezone: string;
    employees: string;
  };
  score: number;
  reasons: Reason[];
}

interface MatchRow {
  other_id: string;
  score: number;
  name: string;
  country: string;
  city: string;
  website: string | null;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partner_types: string[];
  languages: string[];
  timezone: string;
  employees: string;
  total: number;
}

@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly queue: ScoringQueue,
  ) {}

  /**
   * Queues a full rescore as a flow: block jobs over the participants (a snapshot in company-id
   * order), then one job that makes the new generation current. The job id comes from the state
   * of the inputs, so a repeated trigger with nothing changed returns the same job.
   */
  async startFullRescore(user: AuthUser, sessionId: string): Promise<{ jobId: string }> {
    const session = await this.sessions.findVisible(user, sessionId);
    this.sessions.assertAllows(session, 'score');
    const [inputs] = await this.dataSource.query<
      { n: number; joined: string | null; edited: string | null; now: string }[]
    >(
      `SELECT count(*)::int AS n, max(p.updated_at)::text AS joined, max(c.updated_at)::text AS edited, now()::text AS now
         FROM session_participants p JOIN companies c ON c.id = p.company_id WHERE p.session_id = $1`,
      [sessionId],
    );
    const key = createHash('sha1')
      .update([inputs.n, inputs.joined, inputs.edited, session.updatedAt.toISOString()].join('|'))
      .digest('hex')
      .slice(0, 16);
    const jobId = fullRescoreJobId(sessionId, key);
    if (await this.queue.queue.getJob(jobId)) return { jobId };

    const [[{ generation_counter: generation }]] = await this.dataSource.query<
      [{ generation_counter: number }[], number]
    >(
      'UPDATE sessions SET generation_counter = generation_counter + 1 WHERE id = $1 RETURNING generation_counter',
      [sessionId],
    );
    const snapshotAt = inputs.now;
    const blocks: ScoreBlockJob[] = [];
    for (let start = 0; start < Math.max(inputs.n, 1); start += BLOCK_SIZE) {
      const end = start + BLOCK_SIZE >= inputs.n ? LAST : start + BLOCK_SIZE;
      blocks.push({ sessionId, generation, snapshotAt, start, end });
    }
    const finish: FinishRescoreJob = { sessionId, generation, snapshotAt };
    await this.queue.addFlow({
      name: JOBS.finishRescore,
      queueName: QUEUES.scoring,
      data: finish,
      opts: { jobId },
      children: blocks.map((block, index) => ({
        name: JOBS.scoreBlock,
        queueName: QUEUES.scoring,
        data: block,
        opts: { jobId: `${jobId}.block-${index}` },
      })),
    });
    return { jobId };
  }

  /** One company's ranked matches with reasons in words, best first. */
  async matches(
    user: AuthUser,
    sessionId: string,
    query: MatchesQuery,
  ): Promise<{ items: MatchView[]; total: number }> {
    const session = await this.sessions.findVisible(user, sessionId);
    await this.companies.find(query.companyId);
    if (!(await this.companies.canManage(user, query.companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may see its matches',
      );
    }
    const viewer = (await loadProfilesOf(this.dataSource, sessionId, [query.companyId])).get(
      query.companyId,
    );
    if (!viewer) throw AppError.notFound('participant', query.companyId);

    const rows = await this.dataSource.query<MatchRow[]>(
      `SELECT m.other_id, m.score, c.name, c.country, c.city, c.website, c.sectors, c.offers, c.seeks,
              c.partner_types, c.languages, c.timezone, c.employees, count(*) OVER ()::int AS total
         FROM match_scores m JOIN companies c ON c.id = m.other_id
        WHERE m.session_id = $1 AND m.generation = $2 AND m.company_id = $3
          AND ($4::text IS NULL OR c.country = $4) AND m.score >= $5
        ORDER BY m.score DESC, m.other_id LIMIT $6 OFFSET $7`,
      [
        sessionId,
        session.scoreGeneration,
        query.companyId,
        query.country ?? null,
        query.minScore,
        query.limit,
        query.offset,
      ],
    );
    const others = await loadProfilesOf(
      this.dataSource,
      sessionId,
      rows.map((row) => row.other_id),
    );
    const tags = [viewer, ...others.values()].flatMap((profile) => [
      ...profile.offers,
      ...profile.seeks,
    ]);
    const rarity = await loadTagRarity(this.dataSource, sessionId, [...new Set(tags)]);
    const scoringSession = toScoringSession(session);
    const items = rows.map((row) => {
      const other = others.get(row.other_id);
      return {
        company: {
          id: row.other_id,
          name: row.name,
          country: row.country,
          city: row.city,
          website: row.website,
          sectors: row.sectors,
          offers: row.offers,
          seeks: row.seeks,
          partnerTypes: row.partner_types,
          languages: row.languages,
          timezone: row.timezone,
          employees: row.employees,
        },
        score: row.score,
        reasons: other ? explainPair(viewer, other, scoringSession, rarity).reasons : [],
      };
    });
    return { items, total: rows[0]?.total ?? 0 };
  }
}
