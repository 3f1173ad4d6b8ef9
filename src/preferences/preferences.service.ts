import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import { LiveEmitter } from '../live/live-emitter';
import { SessionsService } from '../sessions/sessions.service';
import { MeetingPreferenceRow } from './meeting-preference.entity';
import type { MeetingPreference } from './preference.wire';

export interface PreferenceView {
  sessionId: string;
  companyId: string;
  otherCompanyId: string;
  preference: MeetingPreference;
}

/**
 * A firm's marks on the other participants of a session. Private to the firm: only its own users
 * (and organisers acting for it) set, clear or see them, and only its own users hear of a change.
 */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
  ) {}

  /** Sets (or replaces) the firm's mark on another participant. */
  async set(
    user: AuthUser,
    sessionId: string,
    otherCompanyId: string,
    companyId: string,
    preference: MeetingPreference,
  ): Promise<PreferenceView> {
    await this.assertMayMark(user, sessionId, companyId, otherCompanyId);
    await this.dataSource.query(
      `INSERT INTO meeting_preferences (session_id, company_id, other_company_id, preference)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, company_id, other_company_id)
       DO UPDATE SET preference = EXCLUDED.preference, updated_at = now()`,
      [sessionId, companyId, otherCompanyId, preference],
    );
    this.live.preferenceUpdated(sessionId, companyId);
    return { sessionId, companyId, otherCompanyId, preference };
  }

  /** Clears the firm's mark, if any (idempotent). */
  async clear(
    user: AuthUser,
    sessionId: string,
    otherCompanyId: string,
    companyId: string,
  ): Promise<void> {
    await this.assertMayMark(user, sessionId, companyId, otherCompanyId);
    await this.dataSource
      .getRepository(MeetingPreferenceRow)
      .delete({ sessionId, companyId, otherCompanyId });
    this.live.preferenceUpdated(sessionId, companyId);
  }

  /** 404 for an unknown session or company, 403 for another's company, 404 for a non-participant. */
  private async assertMayMark(
    user: AuthUser,
    sessionId: string,
    companyId: string,
    otherCompanyId: string,
  ): Promise<void> {
    if (companyId === otherCompanyId) {
      throw AppError.invalid(
        { otherCompanyId: ['must be another company than companyId'] },
        { otherCompanyId: [{ rule: 'differentCompanies' }] },
      );
    }
    await this.sessions.findVisible(user, sessionId);
    await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may mark whom a company would meet',
      );
    }
    const rows = await this.dataSource.query<{ company_id: string }[]>(
      `SELECT company_id FROM session_participants WHERE session_id = $1 AND company_id = ANY($2::uuid[])`,
      [sessionId, [companyId, otherCompanyId]],
    );
    const taking = new Set(rows.map((row) => row.company_id));
    for (const id of [companyId, otherCompanyId]) {
      if (!taking.has(id)) throw AppError.notFound('participant', id);
    }
  }
}
