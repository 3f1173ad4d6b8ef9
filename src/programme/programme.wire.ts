/**
 * The programme report on the wire (`GET /api/programme/report`, SPEC "Programme"): per partner
 * economy and year, what was done under the programme and what came of it. Plain values and
 * types, importing only other wire files, so that the server and the web app compile against this
 * one file. How each figure is counted is said in docs/api.md ("The programme report").
 */
import type { AgreementStatus } from '../partners/partners.wire';
import type { ValueBand } from '../follow-ups/follow-ups.wire';

/** The years a report may be asked for. */
export const PROGRAMME_EARLIEST_YEAR = 1990;
export const PROGRAMME_LATEST_YEAR = 2100;

/** The figures of one partner and year, of one year (trends) or of the whole report (totals). */
export interface ProgrammeFigures {
  /** Activities under the partner that started in the year (UTC), by kind. */
  activities: { sessions: number; delegations: number; seminars: number };
  /** Distinct companies among the activities' participants (see docs/api.md). */
  firms: number;
  /** Meetings of those sessions with status `held`. */
  meetingsHeld: number;
  /** Mean rating (1..5) of the feedback on those meetings, one decimal; null without feedback. */
  averageRating: number | null;
  feedbackCount: number;
  /** Follow-up surveys of those sessions emailed, and those with at least one answer. */
  surveysSent: number;
  surveysAnswered: number;
  /** Meetings held by their current outcome: the newest follow-up answer, else the newest feedback. */
  outcomes: { followUp: number; negotiating: number; agreementSigned: number };
  /** Meetings whose current outcome is `agreement-signed` (each meeting once). */
  agreementsSigned: number;
  /** The value bands given with those signed agreements (a meeting without a band is not counted). */
  valueBands: Record<ValueBand, number>;
}

export interface ProgrammePartner {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
}

export interface ProgrammeRow extends ProgrammeFigures {
  partner: ProgrammePartner;
  year: number;
}

export interface ProgrammeTrend extends ProgrammeFigures {
  year: number;
}

export interface ProgrammeAgreement {
  id: string;
  partnerId: string;
  title: string;
  /** Calendar dates (`YYYY-MM-DD`). */
  signedOn: string | null;
  expiresOn: string | null;
  /** As stored. */
  status: AgreementStatus;
  /** As it stands today: a signed agreement expiring within 180 days is `renewal-due`. */
  effectiveStatus: AgreementStatus;
}

export interface ProgrammeReport {
  /** The year asked for; null for every year. */
  year: number | null;
  /** The partner asked for; null for every partner. */
  partnerId: string | null;
  /**
   * With a year: one row per partner (in scope), zeros included. Without: one row per partner and
   * year with any activity. Ordered by year, then partner name.
   */
  rows: ProgrammeRow[];
  /** The partners in scope with their agreements, newest signature first. */
  partners: ProgrammePartner[];
  agreements: ProgrammeAgreement[];
  /** Every year with activity (of the partners in scope, whatever year was asked), oldest first. */
  trends: ProgrammeTrend[];
  /** The figures of all the rows together (firms counted once across partners). */
  totals: ProgrammeFigures;
}
