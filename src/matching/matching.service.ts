import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import { SessionsService } from '../sessions/sessions.service';
import {
  cutPage,
  decodeCursor,
  encodeCursor,
  type KeysetPage,
  type PageStart,
} from '../common/keyset';
import { listTotal, runSql } from '../common/list-total';
import { matchesFromWhere, matchesPageSql, type MatchesFilter, type MatchKey } from './matches-sql';
import type { MeetingPreference } from '../preferences/preference.wire';
import type { MatchesQuery } from './dto/matches.dto';
import { explainPair } from './scoring/explain-pair';
import type { Reason } from './scoring/scoring-types';
import { FullRescores } from './full-rescores.service';
import { loadProfilesOf, toScoringSession } from './session-inputs';
import { TagRarityCache } from './tag-rarity-cache';

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
}

const MATCHES_CURSOR = 'matches';

@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly rescores: FullRescores,
    private readonly rarity: TagRarityCache,
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
  async matches(
    user: AuthUser,
    sessionId: string,
    query: MatchesQuery,
  ): Promise<KeysetPage<MatchView>> {
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

    const filter: MatchesFilter = {
      sessionId,
      generation: session.scoreGeneration,
      companyId: query.companyId,
      country: query.country ?? null,
      minScore: query.minScore,
      sector: query.sector ?? null,
      preference: query.preference ?? null,
      includeHidden: query.includeHidden === 'true',
    };
    const start: PageStart<MatchKey> = query.after
      ? { after: decodeCursor(query.after, MATCHES_CURSOR, ['number', 'uuid']) }
      : { offset: (query.page - 1) * query.pageSize };
    const page = matchesPageSql(filter, start, query.pageSize + 1);
    const counted = matchesFromWhere(filter);
    const run = runSql(this.dataSource);
    const [fetched, total] = await Promise.all([
      run<MatchRow>(page.sql, page.params),
      listTotal(run, counted.sql, counted.params),
    ]);
    const { rows, nextCursor } = cutPage(fetched, query.pageSize, (row) =>
      encodeCursor(MATCHES_CURSOR, [row.score, row.other_id]),
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
    const rarity = await this.rarity.rarity(sessionId, session.scoreGeneration, [...new Set(tags)]);
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
    return { items, ...total, nextCursor, page: query.page, pageSize: query.pageSize };
  }
}
