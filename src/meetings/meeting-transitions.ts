import type { ErrorCode } from '../common/error-codes.wire';
import type { MeetingStatus } from './meeting.wire';

export interface RefusedTransition {
  code: ErrorCode;
  message: string;
}

const NOT_BEGUN: RefusedTransition = {
  code: 'meeting.not_begun',
  message: 'This meeting has not begun yet: it is marked held or a no-show once its slot starts',
};

/**
 * Why a meeting may not go from `from` to `to` (a different status), or null if it may. A
 * meeting is cancelled only while it is still to take place: not once it was marked held or a
 * no-show, nor once a firm gave feedback on it (it took place, even if nobody marked it), so
 * that the report never counts as cancelled what happened. A cancelled meeting stays cancelled.
 * Held and no-show may be corrected into each other, except a held meeting with feedback. Held
 * and no-show say what happened, so neither is said before the meeting's slot has begun
 * (`begun`): a report must not count as held a meeting six weeks ahead.
 */
export function refusedTransition(
  from: MeetingStatus,
  to: MeetingStatus,
  feedbackGiven: boolean,
  begun: boolean,
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
    return null;
  }
  if (!begun) return NOT_BEGUN;
  if (to === 'no-show' && feedbackGiven) {
    return {
      code: 'meeting.has_feedback',
      message: 'Feedback was given on this meeting, so it took place: it cannot be a no-show',
    };
  }
  return null;
}

/**
 * Why a firm may not give feedback on a meeting in `status`, or null if it may: feedback is on a
 * meeting that took place or is taking place, so once its slot has begun (`begun`), and not on
 * one cancelled or marked a no-show.
 */
export function refusedFeedback(status: MeetingStatus, begun: boolean): RefusedTransition | null {
  if (status === 'cancelled')
    return { code: 'meeting.cancelled', message: 'This meeting was cancelled' };
  if (status === 'no-show')
    return {
      code: 'meeting.not_held',
      message: 'This meeting was marked a no-show: feedback is for meetings that took place',
    };
  if (status === 'scheduled' && !begun) return NOT_BEGUN;
  return null;
}
