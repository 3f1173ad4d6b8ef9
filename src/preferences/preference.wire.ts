/** What a firm thinks of meeting another participant of a session (as Grip's "must meet / meet / no thanks"). */
export const MEETING_PREFERENCES = ['must-meet', 'interested', 'not-interested'] as const;
export type MeetingPreference = (typeof MEETING_PREFERENCES)[number];
