import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import { SessionsService } from '../sessions/sessions.service';
import type { MatchesQuery } from './dto/matches.dto';
import { explainPair } from './scoring/explain-pair';
import type { Reason } from './scoring/scoring-types';
import { FullRescores } from './full-rescores.service';
import { loadProfilesOf, loadTagRarity, toScoringSession } from './session-inputs';

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
    private readonly rescores: FullRescores,
  ) {}

  /** Queues a full rescore (organisers): `202 {jobId}`. */
  async startFullRescore(user: AuthUser, sessionId: string): Promise<{ jobId: string }> {
    const session = await this.sessions.findVisible(user, sessionId);
    this.sessions.assertAllows(session, 'score');
    return this.rescores.start(session, { retryFailed: true });
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
