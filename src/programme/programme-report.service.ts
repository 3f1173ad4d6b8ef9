import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { writeCsv, type CsvValue } from '../common/csv';
import { VALUE_BANDS } from '../follow-ups/follow-ups.wire';
import { agreementStatusOn, todayUtc } from '../partners/agreement-status';
import type { AgreementStatus } from '../partners/partners.wire';
import type { ProgrammeReportQuery } from './dto/programme-report.query';
import {
  programmeFigures,
  type ActivityRow,
  type MeetingRow,
  type ParticipationRow,
  type SurveyRow,
} from './programme-figures';
import type {
  ProgrammeAgreement,
  ProgrammeFigures,
  ProgrammePartner,
  ProgrammeReport,
  ProgrammeRow,
} from './programme.wire';

/** The columns of the report's CSV, in order: one row per partner and year, then `all`. */
export const PROGRAMME_CSV_COLUMNS = [
  'country',
  'partner',
  'year',
  'sessions',
  'delegations',
  'seminars',
  'firms',
  'meetingsHeld',
  'averageRating',
  'feedbackCount',
  'surveysSent',
  'surveysAnswered',
  'followUp',
  'negotiating',
  'agreementsSigned',
  ...VALUE_BANDS.map((band) => `signed-${band}` as const),
] as const;
type ProgrammeCsvColumn = (typeof PROGRAMME_CSV_COLUMNS)[number];

function byYearThenName(x: ProgrammeRow, y: ProgrammeRow): number {
  return x.year - y.year || x.partner.name.localeCompare(y.partner.name);
}

/**
 * The programme report (docs/api.md, "The programme report"): loads the activities under partner
 * economies (sessions that are no longer drafts, delegations, seminars) with their participants,
 * held meetings, feedback and follow-up surveys, and lets `programmeFigures` count them per partner
 * and year, per year and in all. The year of an activity is the UTC calendar year of its start.
 */
@Injectable()
export class ProgrammeReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(query: ProgrammeReportQuery): Promise<ProgrammeReport> {
    const partnerId = query.partnerId ?? null;
    const year = query.year ?? null;
    const partners = await this.dataSource.query<ProgrammePartner[]>(
      `SELECT id, country, name FROM partners WHERE $1::uuid IS NULL OR id = $1 ORDER BY name, country`,
      [partnerId],
    );
    if (partnerId !== null && partners.length === 0) {
      throw AppError.invalid({ partnerId: ['must be a partner economy'] });
    }
    const activities = await this.activities(partnerId);
    const ids = activities.map((activity) => activity.id);
    const sessionIds = activities.filter((a) => a.kind === 'session').map((a) => a.id);
    const [participations, meetings, surveys, agreements] = await Promise.all([
      this.participations(ids),
      this.meetings(sessionIds),
      this.surveys(sessionIds),
      this.agreements(partners.map((partner) => partner.id)),
    ]);
    const figures = programmeFigures({ activities, participations, meetings, surveys });

    const inYear = year === null ? activities : activities.filter((a) => a.year === year);
    const groups = new Map<string, ActivityRow[]>();
    if (year !== null) for (const partner of partners) groups.set(`${partner.id}|${year}`, []);
    for (const activity of inYear) {
      const key = `${activity.partnerId}|${activity.year}`;
      groups.set(key, [...(groups.get(key) ?? []), activity]);
    }
    const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
    const rows: ProgrammeRow[] = [...groups].map(([key, group]) => {
      const [id, groupYear] = key.split('|');
      return { partner: partnerById.get(id)!, year: Number(groupYear), ...figures(group) };
    });
    const years = [...new Set(activities.map((activity) => activity.year))].sort((x, y) => x - y);
    return {
      year,
      partnerId,
      rows: rows.sort(byYearThenName),
      partners,
      agreements,
      trends: years.map((trendYear) => ({
        year: trendYear,
        ...figures(activities.filter((activity) => activity.year === trendYear)),
      })),
      totals: figures(inYear),
    };
  }

  /** The report's rows as CSV, and a last row (`all`) of the totals. */
  async csv(query: ProgrammeReportQuery): Promise<string> {
    const report = await this.report(query);
    const line = (
      figures: ProgrammeFigures,
      head: Partial<Record<ProgrammeCsvColumn, CsvValue>>,
    ): Partial<Record<ProgrammeCsvColumn, CsvValue>> => ({
      ...head,
      sessions: figures.activities.sessions,
      delegations: figures.activities.delegations,
      seminars: figures.activities.seminars,
      firms: figures.firms,
      meetingsHeld: figures.meetingsHeld,
      averageRating: figures.averageRating,
      feedbackCount: figures.feedbackCount,
      surveysSent: figures.surveysSent,
      surveysAnswered: figures.surveysAnswered,
      followUp: figures.outcomes.followUp,
      negotiating: figures.outcomes.negotiating,
      agreementsSigned: figures.agreementsSigned,
      ...Object.fromEntries(
        VALUE_BANDS.map((band) => [`signed-${band}`, figures.valueBands[band]]),
      ),
    });
    return writeCsv<ProgrammeCsvColumn>(PROGRAMME_CSV_COLUMNS, [
      ...report.rows.map((row) =>
        line(row, { country: row.partner.country, partner: row.partner.name, year: row.year }),
      ),
      line(report.totals, { country: 'all', partner: 'all', year: report.year ?? 'all' }),
    ]);
  }

  private async activities(partnerId: string | null): Promise<ActivityRow[]> {
    const rows = await this.dataSource.query<
      { id: string; kind: ActivityRow['kind']; partner_id: string; year: number }[]
    >(
      `SELECT id, 'session' AS kind, partner_id,
              extract(year FROM starts_at AT TIME ZONE 'UTC')::int AS year
         FROM sessions
        WHERE partner_id IS NOT NULL AND status <> 'draft' AND ($1::uuid IS NULL OR partner_id = $1)
       UNION ALL
       SELECT id, 'delegation', partner_id, extract(year FROM starts_on)::int
         FROM delegations WHERE partner_id IS NOT NULL AND ($1::uuid IS NULL OR partner_id = $1)
       UNION ALL
       SELECT id, 'seminar', partner_id, extract(year FROM starts_at AT TIME ZONE 'UTC')::int
         FROM seminars WHERE partner_id IS NOT NULL AND ($1::uuid IS NULL OR partner_id = $1)`,
      [partnerId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      partnerId: row.partner_id,
      year: row.year,
    }));
  }

  /** Session participants, accepted delegation applicants and firms with a registered seat. */
  private async participations(activityIds: string[]): Promise<ParticipationRow[]> {
    if (activityIds.length === 0) return [];
    return this.dataSource.query<ParticipationRow[]>(
      `SELECT session_id AS "activityId", company_id AS "companyId"
         FROM session_participants WHERE session_id = ANY($1::uuid[])
       UNION
       SELECT delegation_id, company_id FROM delegation_applications
        WHERE delegation_id = ANY($1::uuid[]) AND status = 'accepted'
       UNION
       SELECT seminar_id, company_id FROM seminar_registrations
        WHERE seminar_id = ANY($1::uuid[]) AND status = 'registered'`,
      [activityIds],
    );
  }

  /**
   * The sessions' held meetings with their current outcome: the newest follow-up answer by either
   * firm, else the newest feedback (by either firm); the value band comes with that answer.
   */
  private async meetings(sessionIds: string[]): Promise<MeetingRow[]> {
    if (sessionIds.length === 0) return [];
    return this.dataSource.query<MeetingRow[]>(
      `SELECT m.session_id AS "sessionId",
              coalesce(answer.outcome, feedback.outcome) AS outcome,
              answer.value_band AS "valueBand",
              ratings.n AS "feedbackCount", ratings.total AS "ratingSum"
         FROM meetings m
         LEFT JOIN LATERAL (
           SELECT a.outcome::text AS outcome, a.value_band FROM follow_up_answers a
            WHERE a.meeting_id = m.id ORDER BY a.answered_at DESC, a.id DESC LIMIT 1) answer ON true
         LEFT JOIN LATERAL (
           SELECT f.outcome::text AS outcome FROM meeting_feedback f
            WHERE f.meeting_id = m.id ORDER BY f.created_at DESC, f.company_id DESC LIMIT 1) feedback ON true
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n, coalesce(sum(f.rating), 0)::int AS total
             FROM meeting_feedback f WHERE f.meeting_id = m.id) ratings
        WHERE m.session_id = ANY($1::uuid[]) AND m.status = 'held'`,
      [sessionIds],
    );
  }

  private async surveys(sessionIds: string[]): Promise<SurveyRow[]> {
    if (sessionIds.length === 0) return [];
    return this.dataSource.query<SurveyRow[]>(
      `SELECT s.session_id AS "sessionId", s.sent_at IS NOT NULL AS sent,
              EXISTS (SELECT 1 FROM follow_up_answers a WHERE a.survey_id = s.id) AS answered
         FROM follow_up_surveys s WHERE s.session_id = ANY($1::uuid[])`,
      [sessionIds],
    );
  }

  private async agreements(partnerIds: string[]): Promise<ProgrammeAgreement[]> {
    if (partnerIds.length === 0) return [];
    const rows = await this.dataSource.query<
      {
        id: string;
        partner_id: string;
        title: string;
        signed_on: string | null;
        expires_on: string | null;
        status: AgreementStatus;
      }[]
    >(
      `SELECT a.id, a.partner_id, a.title, a.signed_on::text AS signed_on,
              a.expires_on::text AS expires_on, a.status
         FROM agreements a JOIN partners p ON p.id = a.partner_id
        WHERE a.partner_id = ANY($1::uuid[])
        ORDER BY p.name, a.signed_on DESC NULLS FIRST, a.title, a.id`,
      [partnerIds],
    );
    const today = todayUtc();
    return rows.map((row) => {
      const agreement = {
        id: row.id,
        partnerId: row.partner_id,
        title: row.title,
        signedOn: row.signed_on,
        expiresOn: row.expires_on,
        status: row.status,
      };
      return {
        ...agreement,
        effectiveStatus: agreementStatusOn(agreement.status, agreement.expiresOn, today),
      };
    });
  }
}
