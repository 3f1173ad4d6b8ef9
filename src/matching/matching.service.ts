import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import { SessionsService } from '../sessions/sessions.service';
import type { Page } from '../common/pagination';
import type { MeetingPreference } from '../preferences/preference.wire';
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
  /** The viewing company's own mark on this firm; null when none. */
  preference: MeetingPreference | null;
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
  preference: MeetingPreference | null;
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

  /**
   * One company's ranked matches with reasons in words and its own marks, best first, a page at a
   * time. Firms it marked `not-interested` are left out unless asked for (`includeHidden=true`,
   * or the `not-interested` filter).
   */
  async matches(user: AuthUser, sessionId: string, query: MatchesQuery): Promise<Page<MatchView>> {
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

    const filters = `FROM match_scores m JOIN companies c ON c.id = m.other_id
         LEFT JOIN meeting_preferences p ON p.session_id = m.session_id
              AND p.company_id = m.company_id AND p.other_company_id = m.other_id
        WHERE m.session_id = $1 AND m.generation = $2 AND m.company_id = $3
          AND ($4::text IS NULL OR c.country = $4) AND m.score >= $5
          AND ($6::text IS NULL OR $6 = ANY(c.sectors))
          AND ($7::text IS NULL OR p.preference = $7 OR ($7 = 'none' AND p.preference IS NULL))
          AND ($8 OR $7 = 'not-interested' OR p.preference IS DISTINCT FROM 'not-interested')`;
    const params = [
      sessionId,
      session.scoreGeneration,
      query.companyId,
      query.country ?? null,
      query.minScore,
      query.sector ?? null,
      query.preference ?? null,
      query.includeHidden === 'true',
    ];
    const rows = await this.dataSource.query<MatchRow[]>(
      `SELECT m.other_id, m.score, c.name, c.country, c.city, c.website, c.sectors, c.offers, c.seeks,
              c.partner_types, c.languages, c.timezone, c.employees, p.preference,
              count(*) OVER ()::int AS total
         ${filters}
        ORDER BY m.score DESC, m.other_id LIMIT $9 OFFSET $10`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    // Past the last page the window count has no row to ride on: count apart.
    const total =
      rows[0]?.total ??
      (query.page > 1
        ? (
            await this.dataSource.query<{ total: number }[]>(
              `SELECT count(*)::int AS total ${filters}`,
              params,
            )
          )[0].total
        : 0);
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
        preference: row.preference,
      };
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
