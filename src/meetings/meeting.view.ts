import type { Slot } from '../sessions/slots';
import type { Meeting } from './meeting.entity';
import type { WireMeeting } from '../live/live.wire';

/** Declared once, in the file of wire types the web app shares. */
export type MeetingView = WireMeeting;

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
