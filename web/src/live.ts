import { io, type Socket } from 'socket.io-client';
import { storedToken, type MeetingRequest } from './api';

/** The live room's wire format, as `src/live/live.events.ts` has it. */
export interface LiveSlot {
  index: number;
  startsAt: string;
  endsAt: string;
}

export interface PresenceUser {
  userId: string;
  name: string;
  role: string;
  companies: { id: string; name: string; country: string }[];
}

export interface LiveMeeting {
  id: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  table?: number;
  roomId?: string;
  status: string;
  companyId: string;
  other: { id: string; name: string; country: string; timezone: string };
}

export interface Announcement {
  sessionId: string;
  text: string;
  from: { userId: string; name: string };
  at: string;
}

export interface LiveSessionState {
  session: { id: string; title: string; mode: string; status: string; timezone: string };
  serverTime: string;
  presence: PresenceUser[];
  slot: { current: (LiveSlot & { msLeft: number }) | null; next: LiveSlot | null };
  companyIds: string[];
  meetings: { current: LiveMeeting | null; next: LiveMeeting | null };
  announcements: Announcement[];
  /** STUN/TURN servers for video calls. */
  iceServers: RTCIceServer[];
}

interface ErrorBody {
  statusCode: number;
  message: string;
  fields?: Record<string, string[]>;
}

export type LiveAck<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: ErrorBody };

export interface ServerToClientEvents {
  presence: (payload: {
    sessionId: string;
    changes: { user: PresenceUser; online: boolean }[];
    count: number;
  }) => void;
  'slot.started': (payload: { sessionId: string; slot: LiveSlot; next: LiveSlot | null }) => void;
  'slot.ending': (payload: { sessionId: string; slot: LiveSlot; secondsLeft: number }) => void;
  announcement: (payload: Announcement) => void;
  'request.created': (payload: { request: MeetingRequest & { sessionId: string } }) => void;
  'request.updated': (payload: { request: MeetingRequest & { sessionId: string } }) => void;
  'schedule.published': (payload: { sessionId: string }) => void;
  'matches.updated': (payload: { sessionId: string }) => void;
  /** A scoring or scheduling job moved on (organisers only), as `GET /api/jobs/:id` shows it. */
  'job.progress': (payload: {
    sessionId: string;
    job: {
      id: string;
      name: string;
      state: string;
      progress: number | object;
      failedReason?: string;
    };
  }) => void;
  /** A call message from the other firm of a video meeting, relayed as it was sent. */
  'rtc.signal': (payload: { meetingId: string; fromCompanyId: string; data: unknown }) => void;
}

export interface ClientToServerEvents {
  'session:join': (
    payload: { sessionId: string },
    ack: (response: LiveAck<{ state: LiveSessionState }>) => void,
  ) => void;
  'session:leave': (payload: { sessionId: string }, ack: (response: LiveAck) => void) => void;
  /** An organiser's broadcast to the session's room. */
  announce: (
    payload: { sessionId: string; text: string },
    ack: (response: LiveAck<{ announcement: Announcement }>) => void,
  ) => void;
  'rtc.signal': (
    payload: { meetingId: string; data: unknown },
    ack: (response: LiveAck) => void,
  ) => void;
}

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket to the `/live` namespace of this origin, authenticated with the stored token. */
export function connectLive(): LiveSocket {
  return io('/live', {
    auth: (send) => send({ token: storedToken() ?? '' }),
    // WebSocket only: no sticky sessions needed in front of several API processes.
    transports: ['websocket'],
    reconnectionDelayMax: 5000,
  });
}
