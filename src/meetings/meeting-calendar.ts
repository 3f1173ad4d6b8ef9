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

/** The web app's live room of a session (`/sessions/:id/live`): where its video meetings are held. */
export function liveRoomUrl(appUrl: string, sessionId: string): string {
  return `${appUrl}/sessions/${sessionId}/live`;
}

/**
 * One firm's meetings of a session as an iCalendar file (RFC 5545): the agenda `.ics` route, the
 * published schedule's email and each reminder's email all write it here, so a meeting has one
 * UID (`<meeting id>@trade-match`) wherever it comes from and calendar apps update it in place.
 * Each event links to the session's live room (APP_URL + its path): a video meeting's location
 * is that link, which calendar apps open; an in-person one's is its table.
 */
export function meetingsCalendar(
  session: { id: string; title: string; timezone: string },
  companyId: string,
  meetings: readonly CalendarMeeting[],
  appUrl: string,
): { filename: string; body: string } {
  const room = liveRoomUrl(appUrl, session.id);
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
      location: meeting.table !== null ? `Table ${meeting.table}` : room,
      url: room,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      description: `One-to-one meeting with ${meeting.other.name}, ${meeting.other.city} (${meeting.other.country}).`,
    })),
  );
  return { filename: `agenda-${companyId}.ics`, body };
}
