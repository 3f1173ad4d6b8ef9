/**
 * The lifecycle of a matchmaking session, as plain consts with no import at all, so that the web
 * app can use this very file: draft → open → scheduled → live → closed. A session moves forward
 * only (closing early is allowed from any state); each action is allowed in some states and
 * refused with 409 in the others. The server's rules (`session-lifecycle.ts`) read these.
 */

export const SESSION_STATUSES = ['draft', 'open', 'scheduled', 'live', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_ACTIONS = ['edit', 'join', 'request', 'score', 'schedule'] as const;
/**
 * `edit`: change the window, slots, limits, sides, weights; `join`: add or update a participant;
 * `request`: create or answer meeting requests; `score`: run scoring; `schedule`: run scheduling.
 */
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** The states in which each action is allowed. */
export const ACTION_STATES: Readonly<Record<SessionAction, readonly SessionStatus[]>> = {
  edit: ['draft', 'open'],
  join: ['draft', 'open', 'scheduled'],
  request: ['open', 'scheduled', 'live'],
  score: ['draft', 'open', 'scheduled', 'live'],
  schedule: ['open', 'scheduled', 'live'],
};

/** The states a session may move to from each state. */
export const NEXT_STATUSES: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  draft: ['open', 'closed'],
  open: ['scheduled', 'live', 'closed'],
  scheduled: ['live', 'closed'],
  live: ['closed'],
  closed: [],
};

/** The states in which a scheduling run may start and publishes a schedule. */
export const SCHEDULING_STATES: readonly SessionStatus[] = ACTION_STATES.schedule;

/**
 * A move to `live` or `closed` made by mistake may be taken back to the status before it, by an
 * organiser, within this long and while no meeting was held since (SPEC.md, "Organisers'
 * control"); the session's view says until when (`undoUntil`).
 */
export const UNDO_GRACE_MS = 24 * 60 * 60 * 1000;

/** The statuses whose last move may be taken back. */
export const UNDOABLE_STATUSES: readonly SessionStatus[] = ['live', 'closed'];
