/**
 * The lifecycle of a matchmaking session, pure: draft → open → scheduled → live → closed. A
 * session moves forward only (closing early is allowed from any state); each action is allowed
 * in some states and refused with 409 in the others.
 */
export const SESSION_STATUSES = ['draft', 'open', 'scheduled', 'live', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export type SessionAction =
  | 'edit' // change the window, slots, limits, sides, weights
  | 'join' // add or update a participant
  | 'request' // create or answer meeting requests
  | 'score' // run scoring
  | 'schedule'; // run scheduling

const ALLOWED: Record<SessionAction, readonly SessionStatus[]> = {
  edit: ['draft', 'open'],
  join: ['draft', 'open', 'scheduled'],
  request: ['open', 'scheduled', 'live'],
  score: ['draft', 'open', 'scheduled', 'live'],
  schedule: ['open', 'scheduled', 'live'],
};

const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
  draft: ['open', 'closed'],
  open: ['scheduled', 'live', 'closed'],
  scheduled: ['live', 'closed'],
  live: ['closed'],
  closed: [],
};

export function allows(status: SessionStatus, action: SessionAction): boolean {
  return ALLOWED[action].includes(status);
}

export function statesAllowing(action: SessionAction): readonly SessionStatus[] {
  return ALLOWED[action];
}

export function canMove(from: SessionStatus, to: SessionStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: SessionStatus): readonly SessionStatus[] {
  return NEXT[from];
}
