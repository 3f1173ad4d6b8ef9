import { AppError } from '../common/app-error';
import type { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots } from '../sessions/slots';
import type { AgendaMeeting } from './agenda-changes';
import type { BoardConflict, Placement } from './board-rules';
import type { Meeting } from './meeting.entity';

/*
 * The board's checks of its input that need a session or a meeting row (a slot or table the
 * session has, a meeting that may still move), and the shapes the rules and notices take.
 */

export function refused(conflict: BoardConflict): AppError {
  return AppError.conflict(conflict.code, conflict.message, conflict.details);
}

export const asAgenda = (meeting: Meeting): AgendaMeeting => ({
  id: meeting.id,
  slotIndex: meeting.slotIndex,
  companyA: meeting.companyA,
  companyB: meeting.companyB,
  table: meeting.tableNumber,
  roomId: meeting.roomId,
});

export function placementOf(meeting: Meeting): Placement {
  return {
    meetingId: meeting.id,
    companyA: meeting.companyA,
    companyB: meeting.companyB,
    slotIndex: meeting.slotIndex,
    table: meeting.tableNumber,
  };
}

/** 400 for a slot the session does not have, or a table it does not have. */
export function checkPlace(
  session: MatchmakingSession,
  slotIndex: number,
  table: number | undefined,
) {
  const count = buildSlots(session).length;
  if (slotIndex >= count) {
    throw AppError.invalid(
      { slotIndex: [`must be one of the session's slots, from 0 to ${count - 1}`] },
      { slotIndex: [{ rule: 'sessionSlot', params: { min: 0, max: count - 1 } }] },
    );
  }
  if (table === undefined) return;
  if (session.mode !== 'in-person') {
    throw AppError.invalid(
      { table: ['only in-person sessions have tables'] },
      { table: [{ rule: 'inPersonOnly' }] },
    );
  }
  if (session.tables !== null && table > session.tables) {
    throw AppError.invalid(
      { table: [`must be a table of the session, from 1 to ${session.tables}`] },
      { table: [{ rule: 'range', params: { min: 1, max: session.tables } }] },
    );
  }
}

/** A meeting moves only while it is still to take place, and before its slot begins. */
export function checkMovable(meeting: Meeting, startsAt: number, now: number): void {
  if (meeting.status === 'cancelled')
    throw AppError.conflict('meeting.cancelled', 'This meeting was cancelled', {
      meetingId: meeting.id,
    });
  if (meeting.status === 'held')
    throw AppError.conflict('meeting.already_held', 'This meeting was marked held', {
      meetingId: meeting.id,
    });
  if (meeting.status === 'no-show')
    throw AppError.conflict('meeting.already_no_show', 'This meeting was marked a no-show', {
      meetingId: meeting.id,
    });
  if (startsAt <= now) {
    throw AppError.conflict('board.meeting_begun', 'This meeting has already begun', {
      meetingId: meeting.id,
    });
  }
}
