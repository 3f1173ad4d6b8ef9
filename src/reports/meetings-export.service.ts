import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { writeCsv } from '../common/csv';
import { SessionsService } from '../sessions/sessions.service';
import { buildSlots } from '../sessions/slots';

/** The columns of `meetings.csv`, in order: A and B are the meeting's two firms. */
export const MEETING_CSV_COLUMNS = [
  'date',
  'start',
  'end',
  'timezone',
  'slot',
  'table',
  'firmA',
  'countryA',
  'firmB',
  'countryB',
  'status',
  'ratingA',
  'outcomeA',
  'commentA',
  'ratingB',
  'outcomeB',
  'commentB',
] as const;

type MeetingCsvColumn = (typeof MEETING_CSV_COLUMNS)[number];

interface MeetingCsvRow {
  slot_index: number;
  table_number: number | null;
  status: string;
  firm_a: string;
  country_a: string;
  firm_b: string;
  country_b: string;
  rating_a: number | null;
  outcome_a: string | null;
  comment_a: string | null;
  rating_b: number | null;
  outcome_b: string | null;
  comment_b: string | null;
}

/**
 * A session's meetings as CSV for organisers: one row per meeting (cancelled ones too, with their
 * status), its slot as a date and times in the session's zone (what the organiser's programme
 * says), both firms with their countries, and what each side answered: rating, outcome, comment.
 */
@Injectable()
export class MeetingsExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async csv(user: AuthUser, sessionId: string): Promise<string> {
    const session = await this.sessions.findVisible(user, sessionId);
    const slots = buildSlots(session);
    const rows = await this.dataSource.query<MeetingCsvRow[]>(
      `SELECT m.slot_index, m.table_number, m.status::text AS status,
              a.name AS firm_a, a.country AS country_a, b.name AS firm_b, b.country AS country_b,
              fa.rating AS rating_a, fa.outcome::text AS outcome_a, fa.comment AS comment_a,
              fb.rating AS rating_b, fb.outcome::text AS outcome_b, fb.comment AS comment_b
         FROM meetings m
         JOIN companies a ON a.id = m.company_a
         JOIN companies b ON b.id = m.company_b
         LEFT JOIN meeting_feedback fa ON fa.meeting_id = m.id AND fa.company_id = m.company_a
         LEFT JOIN meeting_feedback fb ON fb.meeting_id = m.id AND fb.company_id = m.company_b
        WHERE m.session_id = $1
        ORDER BY m.slot_index, a.name, b.name, m.id`,
      [sessionId],
    );
    const local = (instant: Date | undefined) =>
      instant ? DateTime.fromJSDate(instant, { zone: session.timezone }) : null;
    return writeCsv<MeetingCsvColumn>(
      MEETING_CSV_COLUMNS,
      rows.map((row) => {
        const slot = slots[row.slot_index];
        const start = local(slot?.startsAt);
        return {
          date: start?.toISODate() ?? '',
          start: start?.toFormat('HH:mm') ?? '',
          end: local(slot?.endsAt)?.toFormat('HH:mm') ?? '',
          timezone: session.timezone,
          slot: row.slot_index + 1,
          table: row.table_number,
          firmA: row.firm_a,
          countryA: row.country_a,
          firmB: row.firm_b,
          countryB: row.country_b,
          status: row.status,
          ratingA: row.rating_a,
          outcomeA: row.outcome_a,
          commentA: row.comment_a,
          ratingB: row.rating_b,
          outcomeB: row.outcome_b,
          commentB: row.comment_b,
        };
      }),
    );
  }
}
