import type { ErrorCode } from '../common/error-codes.wire';
import type { MeetingStatus } from './meeting.wire';

export interface RefusedTransition {
  code: ErrorCode;
  message: string;
}

/**
 * Why a meeting may not go from `from` to `to` (a different status), or null if it may. A
 * meeting is cancelled only while it is still to take place: not once it was marked held or a
 * no-show, nor once a firm gave feedback on it (it took place, even if nobody marked it), so
 * that the report never counts as cancelled what happened. A cancelled meeting stays cancelled.
 * Held and no-show may be corrected into each other, except a held meeting with feedback.
 */
export function refusedTransition(
  from: MeetingStatus,
  to: MeetingStatus,
  feedbackGiven: boolean,
): RefusedTransition | null {
  if (from === 'cancelled') {
    return { code: 'meeting.cancelled', message: 'This meeting was cancelled' };
  }
  if (to === 'scheduled') {
    return {
      code: 'meeting.bad_transition',
      message: `A ${from} meeting cannot be scheduled again`,
    };
  }
  if (to === 'cancelled') {
    if (from === 'held')
      return {
        code: 'meeting.already_held',
        message: 'This meeting was marked held: a meeting that took place cannot be cancelled',
      };
    if (from === 'no-show')
      return {
        code: 'meeting.already_no_show',
        message: 'This meeting was marked a no-show: it can no longer be cancelled',
      };
    if (feedbackGiven)
      return {
        code: 'meeting.has_feedback',
        message: 'Feedback was given on this meeting, so it took place: it cannot be cancelled',
      };
  }
  if (to === 'no-show' && feedbackGiven) {
    return {
      code: 'meeting.has_feedback',
      message: 'Feedback was given on this meeting, so it took place: it cannot be a no-show',
    };
  }
  return null;
}
