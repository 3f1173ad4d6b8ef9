import type { Slot } from '../sessions/slots';
import type { Meeting } from './meeting.entity';

/** A meeting as SPEC.md has it in `GET /sessions/:id/schedule`. */
export interface MeetingView {
  id: string;
  sessionId: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  companyIds: [string, string];
  table?: number;
  roomId?: string;
  status: string;
  origin: string;
  fixed: boolean;
}

export function toMeetingView(meeting: Meeting, slots: readonly Slot[]): MeetingView {
  const slot = slots[meeting.slotIndex];
  return {
    id: meeting.id,
    sessionId: meeting.sessionId,
    slotIndex: meeting.slotIndex,
    startsAt: slot?.startsAt.toISOString() ?? '',
    endsAt: slot?.endsAt.toISOString() ?? '',
    companyIds: [meeting.companyA, meeting.companyB],
    ...(meeting.tableNumber !== null ? { table: meeting.tableNumber } : {}),
    ...(meeting.roomId !== null ? { roomId: meeting.roomId } : {}),
    status: meeting.status,
    origin: meeting.origin,
    fixed: meeting.fixed,
  };
}
