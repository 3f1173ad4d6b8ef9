/**
 * Follow-ups over months on the wire (SPEC "Programme"): what came of a session's meetings, asked
 * of each firm by an emailed signed link. Plain values and types, no imports.
 */

/** The order value of a deal, in US dollars: optional with an answer. */
export const VALUE_BANDS = ['under-100k', '100k-1m', '1m-10m', 'over-10m'] as const;
export type ValueBand = (typeof VALUE_BANDS)[number];

/** When a closed session's firms are asked, in months after it closed, unless the organiser says. */
export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6] as const;

/** An organiser asks at 1 to 4 distinct points, each 1 to 24 months after the close. */
export const FOLLOW_UP_MONTHS = { min: 1, max: 24, maxCount: 4 } as const;

/** A POST answers at most this many meetings at once; a note is at most this long. */
export const MAX_FOLLOW_UP_ANSWERS = 200;
export const MAX_FOLLOW_UP_NOTE = 2000;

/** A survey's emailed link works for this many days after it was sent (then 410). */
export const FOLLOW_UP_LINK_DAYS = 90;

/** One answer as kept: what came of the meeting, as of `answeredAt`. */
export interface WireFollowUpAnswer {
  outcome: 'none' | 'follow-up' | 'negotiating' | 'agreement-signed';
  valueBand: ValueBand | null;
  note: string;
  answeredAt: string;
}

/** One held meeting of the firm in the session, with what came of it so far. */
export interface WireFollowUpMeeting {
  meetingId: string;
  /** When it was held (its slot's start). */
  startsAt: string;
  otherCompany: { id: string; name: string; country: string };
  /** The firm's own feedback right after the meeting, if it gave one. */
  feedbackOutcome: WireFollowUpAnswer['outcome'] | null;
  /** Every answer given through follow-ups, newest first: the first is the current one. */
  answers: WireFollowUpAnswer[];
}

/** `GET /api/follow-ups/:key`: one firm's held meetings of one session. */
export interface WireFollowUp {
  months: number;
  sentAt: string | null;
  /** Until when the link works. */
  expiresAt: string;
  company: { id: string; name: string; country: string };
  session: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    /** The partner economy the session was held under, if any. */
    partner: { id: string; name: string; country: string } | null;
  };
  meetings: WireFollowUpMeeting[];
}

/** `POST /api/follow-ups/:key`: how many answers were kept, and the page as it is now. */
export interface WireFollowUpSaved {
  saved: number;
  followUp: WireFollowUp;
}

/** `GET /api/sessions/:id/follow-ups`: per survey, whether it was sent and answered. */
export interface WireSessionFollowUp {
  id: string;
  company: { id: string; name: string; country: string };
  months: number;
  dueAt: string;
  sentAt: string | null;
  /** When the firm last answered through this survey's link, if it did. */
  answeredAt: string | null;
}

export interface WireSessionFollowUps {
  followUpMonths: number[];
  surveys: WireSessionFollowUp[];
  /** The current outcome (newest answer) per meeting and firm. */
  latest: {
    meetingId: string;
    companyId: string;
    outcome: WireFollowUpAnswer['outcome'];
    valueBand: ValueBand | null;
    answeredAt: string;
  }[];
}
