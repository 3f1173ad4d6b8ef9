import {
  ACTION_STATES,
  NEXT_STATUSES,
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
