import {
  ACTION_STATES,
  NEXT_STATUSES,
  UNDO_GRACE_MS,
  UNDOABLE_STATUSES,
  type SessionAction,
  type SessionStatus,
} from './session-lifecycle.wire';

/*
 * The lifecycle of a matchmaking session, pure, over the states and moves declared once in
 * `session-lifecycle.wire.ts` (which the web app shares).
 */

export function allows(status: SessionStatus, action: SessionAction): boolean {
  return ACTION_STATES[action].includes(status);
}

export function statesAllowing(action: SessionAction): readonly SessionStatus[] {
  return ACTION_STATES[action];
}

export function canMove(from: SessionStatus, to: SessionStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function nextStatuses(from: SessionStatus): readonly SessionStatus[] {
  return NEXT_STATUSES[from];
}

/** What the undo rule reads of a session. */
export interface UndoState {
  status: SessionStatus;
  previousStatus: SessionStatus | null;
  statusChangedAt: Date | null;
  startsAt: Date;
}

/** Whether moving to `to` takes the session's last move back (rather than moving it on). */
export function isUndo(session: UndoState, to: SessionStatus): boolean {
  return (
    UNDOABLE_STATUSES.includes(session.status) &&
    session.previousStatus === to &&
    !canMove(session.status, to)
  );
}

/**
 * Until when the last move may be taken back, or null when it may not be at all (not live nor
 * closed, no move recorded, or a session that went live at its start: going back would only see
 * it go live again at once).
 */
export function undoUntil(session: UndoState): Date | null {
  if (!UNDOABLE_STATUSES.includes(session.status)) return null;
  if (!session.previousStatus || !session.statusChangedAt) return null;
  if (session.status === 'live' && session.startsAt <= session.statusChangedAt) return null;
  return new Date(session.statusChangedAt.getTime() + UNDO_GRACE_MS);
}

export type UndoRefusal =
  'session.undo_expired' | 'session.undo_started' | 'session.undo_meetings_held';

/**
 * Why taking the last move back is refused now, or null if it is allowed: past the grace period
 * (or nothing to take back), a session whose start has come (it would go live again by itself),
 * or a meeting held (or marked missed) since the move.
 */
export function undoRefusal(
  session: UndoState,
  now: Date,
  meetingsMarkedSince: number,
): UndoRefusal | null {
  const until = undoUntil(session);
  if (!until || until <= now) return 'session.undo_expired';
  if (session.status === 'live' && session.startsAt <= now) return 'session.undo_started';
  if (meetingsMarkedSince > 0) return 'session.undo_meetings_held';
  return null;
}
