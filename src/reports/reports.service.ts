import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { writeCsv } from '../common/csv';
import { OUTCOMES, type Outcome } from '../meetings/meeting.wire';
import { SessionsService } from '../sessions/sessions.service';

export interface OutcomeLine {
  /** `CA–HK` (codes in order), or `all` for the session. */
  countryPair: string;
  scheduled: number;
  held: number;
  noShow: number;
  cancelled: number;
  feedback: number;
  averageRating: number | null;
  outcomes: Record<Outcome, number>;
}

export interface SessionReport {
  sessionId: string;
  totals: OutcomeLine;
  byCountryPair: OutcomeLine[];
  /** Pairs with an accepted request or mutual interest, and how many of them have a meeting. */
  acceptedRequests: { pairs: number; placed: number; share: number };
}

interface MeetingRow {
  pair: string;
  status: string;
  n: number;
}

interface FeedbackRow {
  pair: string;
  outcome: Outcome;
  n: number;
  rating_sum: number;
}

function emptyLine(countryPair: string): OutcomeLine {
  return {
    countryPair,
    scheduled: 0,
    held: 0,
    noShow: 0,
    cancelled: 0,
    feedback: 0,
    averageRating: null,
    outcomes: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
      Outcome,
      number
    >,
  };
}

const REPORT_CSV_COLUMNS = [
  'countryPair',
  'scheduled',
  'held',
  'noShow',
  'cancelled',
  'feedback',
  'averageRating',
  ...OUTCOMES,
] as const;

const PAIR = `least(a.country, b.country) || '–' || greatest(a.country, b.country)`;
const STATUS_FIELD: Record<string, 'scheduled' | 'held' | 'noShow' | 'cancelled'> = {
  scheduled: 'scheduled',
  held: 'held',
  'no-show': 'noShow',
  cancelled: 'cancelled',
};

/** What came of a session: meetings, no-shows, ratings and outcomes, overall and by country pair. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async report(user: AuthUser, sessionId: string): Promise<SessionReport> {
    await this.sessions.findVisible(user, sessionId);
    // A meeting with feedback took place (refusedTransition): it counts as held, marked or not.
    const meetings = await this.dataSource.query<MeetingRow[]>(
      `SELECT ${PAIR} AS pair,
              CASE WHEN m.status = 'scheduled' AND EXISTS (SELECT 1 FROM meeting_feedback f WHERE f.meeting_id = m.id)
                   THEN 'held' ELSE m.status::text END AS status,
              count(*)::int AS n
         FROM meetings m JOIN companies a ON a.id = m.company_a JOIN companies b ON b.id = m.company_b
        WHERE m.session_id = $1 GROUP BY 1, 2`,
      [sessionId],
    );
    const feedback = await this.dataSource.query<FeedbackRow[]>(
      `SELECT ${PAIR} AS pair, f.outcome::text AS outcome, count(*)::int AS n, sum(f.rating)::int AS rating_sum
         FROM meeting_feedback f JOIN meetings m ON m.id = f.meeting_id
         JOIN companies a ON a.id = m.company_a JOIN companies b ON b.id = m.company_b
        WHERE m.session_id = $1 GROUP BY 1, 2`,
      [sessionId],
    );
    // Two firms that asked each other count as accepted, whether or not either pressed accept.
    const [accepted] = await this.dataSource.query<{ pairs: number; placed: number }[]>(
      `WITH pairs AS (
         SELECT least(from_company_id, to_company_id) AS a, greatest(from_company_id, to_company_id) AS b
           FROM meeting_requests WHERE session_id = $1 AND status IN ('pending', 'accepted')
          GROUP BY 1, 2
         HAVING bool_or(status = 'accepted') OR count(DISTINCT from_company_id) = 2)
       SELECT count(*)::int AS pairs,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM meetings m WHERE m.session_id = $1 AND m.company_a = pairs.a AND m.company_b = pairs.b
                   AND m.status <> 'cancelled'))::int AS placed
         FROM pairs`,
      [sessionId],
    );

    const lines = new Map<string, OutcomeLine>();
    const totals = emptyLine('all');
    const ratings = new Map<string, number>();
    const line = (pair: string) => lines.get(pair) ?? lines.set(pair, emptyLine(pair)).get(pair)!;
    for (const row of meetings) {
      const field = STATUS_FIELD[row.status];
      line(row.pair)[field] += row.n;
      totals[field] += row.n;
    }
    for (const row of feedback) {
      for (const target of [line(row.pair), totals]) {
        target.feedback += row.n;
        target.outcomes[row.outcome] += row.n;
        ratings.set(target.countryPair, (ratings.get(target.countryPair) ?? 0) + row.rating_sum);
      }
    }
    for (const target of [...lines.values(), totals]) {
      target.averageRating =
        target.feedback > 0
          ? Math.round(((ratings.get(target.countryPair) ?? 0) / target.feedback) * 100) / 100
          : null;
    }
    return {
      sessionId,
      totals,
      byCountryPair: [...lines.values()].sort((x, y) => x.countryPair.localeCompare(y.countryPair)),
      acceptedRequests: {
        pairs: accepted.pairs,
        placed: accepted.placed,
        share:
          accepted.pairs === 0 ? 1 : Math.round((accepted.placed / accepted.pairs) * 1000) / 1000,
      },
    };
  }

  /** The same report as CSV: one row per country pair and a last row for the whole session. */
  async csv(user: AuthUser, sessionId: string): Promise<string> {
    const report = await this.report(user, sessionId);
    return writeCsv(
      REPORT_CSV_COLUMNS,
      [...report.byCountryPair, report.totals].map((line) => ({
        countryPair: line.countryPair,
        scheduled: line.scheduled,
        held: line.held,
        noShow: line.noShow,
        cancelled: line.cancelled,
        feedback: line.feedback,
        averageRating: line.averageRating,
        ...line.outcomes,
      })),
    );
  }
}
