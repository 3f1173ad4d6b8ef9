import type { ValueBand } from '../follow-ups/follow-ups.wire';
import { VALUE_BANDS } from '../follow-ups/follow-ups.wire';
import type { Outcome } from '../meetings/meeting.wire';
import type { ProgrammeFigures } from './programme.wire';

/**
 * The programme report's arithmetic, from plain rows to figures, with no database: the service
 * loads the rows of the activities in scope and asks here for the figures of any group of them
 * (a partner and year, a year, all). Firms are a set per group, so a firm in two activities of a
 * group counts once; meetings, feedback and surveys belong to one session and simply add up.
 */

export type ActivityKind = 'session' | 'delegation' | 'seminar';

export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  partnerId: string;
  /** Calendar year of its start, in UTC. */
  year: number;
}

/** A company taking part in an activity (a session participant, accepted applicant, registered seat). */
export interface ParticipationRow {
  activityId: string;
  companyId: string;
}

/** A held meeting of a session, its current outcome and its feedback. */
export interface MeetingRow {
  sessionId: string;
  /** The newest follow-up answer's outcome by either firm, else the newest feedback's; null when none. */
  outcome: Outcome | null;
  /** The value band of the answer that gave the current outcome, if any. */
  valueBand: ValueBand | null;
  feedbackCount: number;
  ratingSum: number;
}

export interface SurveyRow {
  sessionId: string;
  sent: boolean;
  answered: boolean;
}

export interface ProgrammeRows {
  activities: ActivityRow[];
  participations: ParticipationRow[];
  meetings: MeetingRow[];
  surveys: SurveyRow[];
}

function byKey<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export function emptyFigures(): ProgrammeFigures {
  return {
    activities: { sessions: 0, delegations: 0, seminars: 0 },
    firms: 0,
    meetingsHeld: 0,
    averageRating: null,
    feedbackCount: 0,
    surveysSent: 0,
    surveysAnswered: 0,
    outcomes: { followUp: 0, negotiating: 0, agreementSigned: 0 },
    agreementsSigned: 0,
    valueBands: Object.fromEntries(VALUE_BANDS.map((band) => [band, 0])) as Record<
      ValueBand,
      number
    >,
  };
}

/** Returns a function giving the figures of any group of the activities in `rows`. */
export function programmeFigures(
  rows: ProgrammeRows,
): (activities: readonly ActivityRow[]) => ProgrammeFigures {
  const participants = byKey(rows.participations, (row) => row.activityId);
  const meetings = byKey(rows.meetings, (row) => row.sessionId);
  const surveys = byKey(rows.surveys, (row) => row.sessionId);
  return (activities) => {
    const figures = emptyFigures();
    const firms = new Set<string>();
    let ratingSum = 0;
    for (const activity of activities) {
      figures.activities[`${activity.kind}s`] += 1;
      for (const row of participants.get(activity.id) ?? []) firms.add(row.companyId);
      if (activity.kind !== 'session') continue;
      for (const meeting of meetings.get(activity.id) ?? []) {
        figures.meetingsHeld += 1;
        figures.feedbackCount += meeting.feedbackCount;
        ratingSum += meeting.ratingSum;
        if (meeting.outcome === 'follow-up') figures.outcomes.followUp += 1;
        if (meeting.outcome === 'negotiating') figures.outcomes.negotiating += 1;
        if (meeting.outcome === 'agreement-signed') {
          figures.outcomes.agreementSigned += 1;
          if (meeting.valueBand) figures.valueBands[meeting.valueBand] += 1;
        }
      }
      for (const survey of surveys.get(activity.id) ?? []) {
        if (survey.sent) figures.surveysSent += 1;
        if (survey.answered) figures.surveysAnswered += 1;
      }
    }
    figures.firms = firms.size;
    figures.agreementsSigned = figures.outcomes.agreementSigned;
    figures.averageRating =
      figures.feedbackCount > 0 ? Math.round((ratingSum / figures.feedbackCount) * 10) / 10 : null;
    return figures;
  };
}
