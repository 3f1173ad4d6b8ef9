/**
 * Meetings' statuses, origins and feedback outcomes, as plain consts with no import at all, so
 * that the web app can use this very file. The entities, DTOs and reports read these.
 */

export const MEETING_STATUSES = ['scheduled', 'held', 'no-show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The statuses a meeting can be set to through `PATCH /api/meetings/:id`. */
export const MEETING_STATUS_UPDATES = ['held', 'no-show', 'cancelled'] as const;
export type MeetingStatusUpdate = (typeof MEETING_STATUS_UPDATES)[number];

/** Why the pair was scheduled, in the scheduler's order of priority. */
export const MEETING_ORIGINS = ['mutual', 'accepted', 'pending', 'score'] as const;
export type MeetingOrigin = (typeof MEETING_ORIGINS)[number];

/** What a meeting led to, as each side's feedback says. */
export const OUTCOMES = ['none', 'follow-up', 'negotiating', 'agreement-signed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
