import { buildCalendar } from '../common/calendar';

/** A meeting as one firm sees it in a calendar. */
export interface CalendarMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  table: number | null;
  roomId: string | null;
  other: { name: string; country: string; city: string };
}

/**
 * One firm's meetings of a session as an iCalendar file (RFC 5545): the agenda `.ics` route, the
 * published schedule's email and each reminder's email all write it here, so a meeting has one
 * UID (`<meeting id>@trade-match`) wherever it comes from and calendar apps update it in place.
 */
export function meetingsCalendar(
  session: { title: string; timezone: string },
  companyId: string,
  meetings: readonly CalendarMeeting[],
): { filename: string; body: string } {
  const body = buildCalendar(
    {
      name: session.title,
      description: `Your meetings in ${session.title}`,
      timezone: session.timezone,
      uidDomain: 'trade-match',
    },
    meetings.map((meeting) => ({
      id: meeting.id,
      kind: 'one-to-one',
      title: `Meeting with ${meeting.other.name} (${meeting.other.country})`,
      location:
        meeting.table !== null
          ? `Table ${meeting.table}`
          : meeting.roomId
            ? `Video room ${meeting.roomId}`
            : '',
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      description: `One-to-one meeting with ${meeting.other.name}, ${meeting.other.city} (${meeting.other.country}).`,
    })),
  );
  return { filename: `agenda-${companyId}.ics`, body };
}
