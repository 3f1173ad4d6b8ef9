import type { ErrorBody } from '../common/http-exception.filter';
import type { CompanyView } from '../companies/company.view';
import type { IceServer } from '../config/app-config';
import type { ApplicationView } from '../delegations/delegation.view';
import type { JobView } from '../jobs/jobs.service';
import type { MeetingView } from '../meetings/meeting.view';
import type { RequestView } from '../requests/requests.service';

/**
 * The typed event map of the `/live` namespace. Rooms are derived on the server from who the
 * user is (`user:<id>`, `company:<id>` for each company they speak for, `organisers`) and from the
 * sessions the server let them join (`session:<id>`), never from names a client sends.
 */

/** A slot as the live room shows it (instants in UTC). */
export interface LiveSlot {
  index: number;
  startsAt: string;
  endsAt: string;
}

/** Someone in a session's live room: one entry per user, however many tabs or processes. */
export interface PresenceUser {
  userId: string;
  name: string;
  role: string;
  /** The user's companies that take part in the session (none for organisers). */
  companies: { id: string; name: string; country: string }[];
}

/** One of the caller's meetings, with the firm on the other side. */
export interface LiveMeeting extends MeetingView {
  /** The caller's company in this meeting. */
  companyId: string;
  other: { id: string; name: string; country: string; timezone: string };
}

export interface Announcement {
  sessionId: string;
  text: string;
  from: { userId: string; name: string };
  at: string;
}

/** What `session:join` acknowledges: everything the room shows, as of now. */
export interface LiveSessionState {
  session: {
    id: string;
    title: string;
    mode: string;
    status: string;
    timezone: string;
    startsAt: string;
    endsAt: string;
  };
  serverTime: string;
  presence: PresenceUser[];
  slot: {
    /** The slot running now, with the milliseconds left in it; null between slots. */
    current: (LiveSlot & { msLeft: number }) | null;
    next: LiveSlot | null;
  };
  /** The caller's companies in this session. */
  companyIds: string[];
  meetings: { current: LiveMeeting | null; next: LiveMeeting | null };
  /** The latest announcements, newest first. */
  announcements: Announcement[];
  /** STUN/TURN servers for video calls (configuration `ICE_SERVERS`). */
  iceServers: IceServer[];
}

/** Every acknowledgement: `ok` with the result, or the error in the shape of the HTTP API. */
export type LiveAck<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ErrorBody };

export interface ServerToClientEvents {
  /** A company's profile or verification status changed (sent to that company's users). */
  'company.updated': (payload: { company: CompanyView }) => void;
  /** A delegation application was made or decided (sent to the company's users and organisers). */
  'application.updated': (payload: { application: ApplicationView }) => void;
  /** Scoring finished for you: your ranked matches in this session changed. */
  'matches.updated': (payload: { sessionId: string }) => void;
  /** A schedule was published for the session (sent to its companies and the organisers). */
  'schedule.published': (payload: { sessionId: string }) => void;
  /** A meeting was held, missed or cancelled (sent to both companies). */
  'meeting.updated': (payload: { meeting: MeetingView }) => void;
  /** A meeting request was made (sent to both companies). */
  'request.created': (payload: { request: RequestView }) => void;
  /** A meeting request was answered, cancelled or became mutual (sent to both companies). */
  'request.updated': (payload: { request: RequestView }) => void;
  /**
   * People came into or left the session's room (sent to the room): the changes of the last
   * tenth of a second, each user once with their latest state.
   */
  presence: (payload: {
    sessionId: string;
    changes: { user: PresenceUser; online: boolean }[];
    /** Users in the room now. */
    count: number;
  }) => void;
  /** A scoring or scheduling job moved on (sent to organisers), as `GET /api/jobs/:id` shows it. */
  'job.progress': (payload: { sessionId: string; job: JobView }) => void;
  /** A slot of a live session began (sent to the session's room). */
  'slot.started': (payload: { sessionId: string; slot: LiveSlot; next: LiveSlot | null }) => void;
  /** A slot ends in a minute (sent to the session's room). */
  'slot.ending': (payload: { sessionId: string; slot: LiveSlot; secondsLeft: number }) => void;
  /** An organiser's broadcast to the session's room. */
  announcement: (payload: Announcement) => void;
  /** WebRTC offer, answer or ICE candidate from the other side of a video meeting. */
  'rtc.signal': (payload: { meetingId: string; fromCompanyId: string; data: unknown }) => void;
}

export interface ClientToServerEvents {
  'session:join': (
    payload: { sessionId: string },
    ack: (response: LiveAck<{ state: LiveSessionState }>) => void,
  ) => void;
  'session:leave': (payload: { sessionId: string }, ack: (response: LiveAck) => void) => void;
  announce: (
    payload: { sessionId: string; text: string },
    ack: (response: LiveAck<{ announcement: Announcement }>) => void,
  ) => void;
  'rtc.signal': (
    payload: { meetingId: string; data: unknown },
    ack: (response: LiveAck) => void,
  ) => void;
}

export interface SocketData {
  userId: string;
  name: string;
  role: string;
  /** Sessions this socket joined (restored with the socket after a short drop). */
  sessions: string[];
}

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  company: (companyId: string) => `company:${companyId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  organisers: 'organisers',
} as const;
