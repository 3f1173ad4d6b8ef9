import type { Slot } from '../sessions/slots';
import type { Meeting } from './meeting.entity';
import type { MeetingStatus } from './meeting.wire';
import type { WireMeeting } from '../live/live.wire';

/** The meeting of the file of wire types the web app shares, with the statuses it can have. */
export interface MeetingView extends WireMeeting {
  status: MeetingStatus;
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
