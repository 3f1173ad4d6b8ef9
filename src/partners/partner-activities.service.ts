import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { Partner } from './partner.entity';
import type { ActivityKind, WirePartnerActivities, WirePartnerActivity } from './partners.wire';

interface ActivityRow {
  kind: ActivityKind;
  id: string;
  title: string;
  starts_at: Date | null;
  starts_on: string | null;
  status: string | null;
  count: number | null;
  agreement_id: string | null;
  year: number;
}

/**
 * Every activity held under one partner economy: sessions and seminars in the year of their start
 * in their own time zone, delegations in the year of their first day. One query over the three
 * tables, so that the years on offer and the year's list agree.
 */
const ACTIVITIES_SQL = `
  SELECT 'session' AS kind, s.id, s.title, s.starts_at, NULL::text AS starts_on,
         s.status::text AS status, NULL::int AS count, s.agreement_id,
         EXTRACT(YEAR FROM s.starts_at AT TIME ZONE s.timezone)::int AS year
    FROM sessions s WHERE s.partner_id = $1
  UNION ALL
  SELECT 'delegation', d.id, d.title, NULL, to_char(d.starts_on, 'YYYY-MM-DD'), NULL,
         (SELECT count(*)::int FROM delegation_applications a
           WHERE a.delegation_id = d.id AND a.status = 'accepted'),
         d.agreement_id, EXTRACT(YEAR FROM d.starts_on)::int
    FROM delegations d WHERE d.partner_id = $1
  UNION ALL
  SELECT 'seminar', m.id, m.title, m.starts_at, NULL, NULL,
         (SELECT count(*)::int FROM seminar_registrations r
           WHERE r.seminar_id = m.id AND r.status = 'registered'),
         m.agreement_id, EXTRACT(YEAR FROM m.starts_at AT TIME ZONE m.timezone)::int
    FROM seminars m WHERE m.partner_id = $1`;

@Injectable()
export class PartnerActivitiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The activities of `year` (this year, UTC, when absent), first first, and the years that have any. */
  async list(partnerId: string, year?: number): Promise<WirePartnerActivities> {
    if (!(await this.dataSource.manager.existsBy(Partner, { id: partnerId }))) {
      throw AppError.notFound('partner', partnerId);
    }
    const rows = await this.dataSource.query<ActivityRow[]>(ACTIVITIES_SQL, [partnerId]);
    const wanted = year ?? new Date().getUTCFullYear();
    const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => b - a);
    const items: WirePartnerActivity[] = rows
      .filter((row) => row.year === wanted)
      .map((row) => ({
        kind: row.kind,
        id: row.id,
        title: row.title,
        startsAt: row.starts_at ? new Date(row.starts_at).toISOString() : null,
        startsOn: row.starts_on,
        status: row.status,
        count: row.count,
        agreementId: row.agreement_id,
      }))
      .sort((a, b) =>
        (a.startsAt ?? a.startsOn ?? '').localeCompare(b.startsAt ?? b.startsOn ?? ''),
      );
    return { year: wanted, years, items };
  }
}
