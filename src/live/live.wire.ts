import type { WireNotification } from '../notifications/notification.wire';

/**
 * The wire format of the `/live` namespace, as plain types importing nothing but the types of the
 * other `*.wire.ts` files (enums, `notification.wire.ts`): the server (`live.events.ts`, which
 * checks its own views against these) and the web app (`web/src/live.ts`) both use this file, so
 * neither side can change a payload without the other's compiler noticing. Every time is an ISO
 * 8601 instant in UTC.
 */
import type { CompanyStatus } from '../companies/company.wire';
import type { ApplicationStatus } from '../delegations/delegation.wire';
import type { JobState } from '../jobs/job.wire';
import type { MeetingOrigin, MeetingStatus } from '../meetings/meeting.wire';
import type { SessionMode } from '../sessions/session.wire';
import type { SessionStatus } from '../sessions/session-lifecycle.wire';
import type { WireFieldRules } from '../common/field-rules.wire';
import type { WireMessage } from '../conversations/conversation.wire';

/** An error in the shape of the HTTP API. */
export interface WireError {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  /** Every offending field with what is wrong (a 400). */
  fields?: Record<string, string[]>;
  /** What a 409 names beside its code: the meeting, firm, slot or table in the way. */
  details?: Record<string, string | number>;
  /** For each field of `fields`, the rules it broke with their parameters, to word them. */
  rules?: WireFieldRules;
  correlationId?: string;
}

/** A STUN/TURN server as WebRTC's RTCIceServer describes it. */
export interface WireIceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** A company, as `GET /api/companies/:id` gives it. */
export interface WireCompany {
  id: string;
  name: string;
  country: string;
  city: string;
  website: string | null;
  description: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partnerTypes: string[];
  targetMarkets: string[];
  languages: string[];
  timezone: string;
  employees: string;
  status: CompanyStatus;
  statusChangedAt: string | null;
  /**
   * Why an organiser rejected it: for the company's users and organisers only (null for anyone
   * else, and unless rejected).
   */
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A company's application to a delegation. */
export interface WireApplication {
  id: string;
  delegationId: string;
  companyId: string;
  companyName: string;
  companyCountry: string;
  status: ApplicationStatus;
  appliedAt: string;
  decidedAt: string | null;
  waitlistedAt: string | null;
}

/** A background job, as `GET /api/jobs/:id` gives it. */
export interface WireJob {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  progress: number | object;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
  failedReason?: string;
  result?: unknown;
}

/** A scheduled meeting, as `GET /api/sessions/:id/schedule` gives it. */
export interface WireMeeting {
  id: string;
  sessionId: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  companyIds: [string, string];
  table?: number;
  roomId?: string;
  status: MeetingStatus;
  origin: MeetingOrigin;
  fixed: boolean;
}

/** Part of a session a requested meeting is limited to: `from` before `to`, ISO instants. */
export interface WireRequestWindow {
  from: string;
  to: string;
}

/** A meeting request between two participants of a session. */
export interface WireRequest {
  id: string;
  sessionId: string;
  fromCompanyId: string;
  fromCompanyName: string;
  toCompanyId: string;
  toCompanyName: string;
  message: string;
  /**
   * Why the receiver declined, if it said; null otherwise, and for organisers (only the two firms
   * see it, as their messages).
   */
  declineReason: string | null;
  /**
   * When the meeting may take place (ISO instants inside the session, "mornings only"), set by
   * either firm; null: any time. Scheduling places the meeting only in slots wholly inside it.
   */
  window: WireRequestWindow | null;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  /** The other firm asked for this meeting too. */
  mutual: boolean;
  /**
   * The pair has a meeting (scheduled, held or a no-show): the request is settled by it, and is
   * no longer accepted or declined.
   */
  scheduled: boolean;
  createdAt: string;
  answeredAt: string | null;
}

/** A slot as the live room shows it. */
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

/** A user who came into (`online`) or left a session's room. */
export interface PresenceChange {
  user: PresenceUser;
  online: boolean;
}

/** A page of the people in a session's room, by name. */
export interface PresencePage {
  users: PresenceUser[];
  /** The cursor of the next page (`presence:page` with `after`); null on the last page. */
  next: string | null;
}

/**
 * Presence as `session:join` acknowledges it: the same size in a room of 10 or 10,000. The rest
 * of the room is paged with `presence:page`; `presence` events follow the changes.
 */
export interface LivePresence {
  /** Users in the room now. */
  count: number;
  /**
   * The room's presence version: each change adds one. Send it back as `since` when joining
   * again, to be sent only what changed meanwhile.
   */
  version: number;
  /** The firms the caller meets in this session (its meetings' partners, none cancelled). */
  partnerCompanyIds: string[];
  /** Users present from those firms. */
  partners: PresenceUser[];
  /** The first page of the room; null when `changes` are given instead. */
  page: PresencePage | null;
  /**
   * On joining again with `since`: what changed after that version, each user once with their
   * latest state (null on a first join, or when `since` is too old and `page` is given).
   */
  changes: PresenceChange[] | null;
}

/** One of the caller's meetings, with the firm on the other side. */
export interface LiveMeeting extends WireMeeting {
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
    mode: SessionMode;
    status: SessionStatus;
    timezone: string;
    startsAt: string;
    endsAt: string;
  };
  serverTime: string;
  presence: LivePresence;
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
  iceServers: WireIceServer[];
}

/** Every acknowledgement: `ok` with the result, or the error in the shape of the HTTP API. */
export type LiveAck<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: WireError };

export interface ServerToClientEvents {
  /** A company's profile or verification status changed (sent to that company's users). */
  'company.updated': (payload: { company: WireCompany }) => void;
  /** A delegation application was made or decided (sent to the company's users and organisers). */
  'application.updated': (payload: { application: WireApplication }) => void;
  /** Scoring finished for you: your ranked matches in this session changed. */
  'matches.updated': (payload: { sessionId: string }) => void;
  /** A schedule was published for the session (sent to its companies and the organisers). */
  'schedule.published': (payload: { sessionId: string }) => void;
  /**
   * A session's status changed: opened, scheduled by hand, gone live, closed or moved back (sent
   * to its room, its companies and the organisers).
   */
  'session.updated': (payload: { sessionId: string; status: SessionStatus }) => void;
  /**
   * A company joined the session or changed its availability (sent to the session's companies,
   * that company included, and the organisers): the participant list and count changed.
   */
  'participants.updated': (payload: { sessionId: string }) => void;
  /**
   * A seminar's seats changed: a registration, a withdrawal, a promotion off the waitlist, a
   * check-in or a new capacity (sent to the organisers and to every company registered for it).
   */
  'seminar.updated': (payload: { seminarId: string }) => void;
  /** A meeting was held, missed or cancelled (sent to both companies). */
  'meeting.updated': (payload: { meeting: WireMeeting }) => void;
  /** A meeting request was made (sent to both companies). */
  'request.created': (payload: { request: WireRequest }) => void;
  /** A meeting request was answered, cancelled or became mutual (sent to both companies). */
  'request.updated': (payload: { request: WireRequest }) => void;
  /**
   * The company's own meeting preferences in a session changed (sent to that company's users
   * only): its matches show the new marks.
   */
  'preference.updated': (payload: { sessionId: string; companyId: string }) => void;
  /**
   * A message between two companies was sent (sent to the users of both companies, never to
   * organisers, who may not read conversations).
   */
  'message.created': (payload: { conversationId: string; message: WireMessage }) => void;
  /**
   * A company read a conversation up to `messageId` (sent to the users of both companies, never
   * to organisers): the writer's "Seen" follows.
   */
  'conversation.read': (payload: {
    conversationId: string;
    companyId: string;
    messageId: string;
  }) => void;
  /**
   * People came into or left the session's room (sent to the room): the changes of the last
   * tenth of a second (of 1 to 5 seconds in a room of a thousand or more), each user once with
   * their latest state. A batch of more than 50 changes lists none of them (`omitted` says how
   * many): a client showing pages of the room loads them again; partners hear of each other by
   * `presence.partners`.
   */
  presence: (payload: {
    sessionId: string;
    changes: PresenceChange[];
    /** Changes not listed (0 unless the batch was too large to list). */
    omitted: number;
    /** Users in the room now. */
    count: number;
    /** The presence version after these changes (batches may arrive out of order). */
    version: number;
  }) => void;
  /**
   * People from firms you meet in the session came or went, when the room's `presence` batch
   * was too large to list them (sent to your companies' rooms).
   */
  'presence.partners': (payload: { sessionId: string; changes: PresenceChange[] }) => void;
  /** A scoring or scheduling job moved on (sent to organisers), as `GET /api/jobs/:id` shows it. */
  'job.progress': (payload: { sessionId: string; job: WireJob }) => void;
  /** A slot of a live session began (sent to the session's room). */
  'slot.started': (payload: { sessionId: string; slot: LiveSlot; next: LiveSlot | null }) => void;
  /** A slot ends in a minute (sent to the session's room). */
  'slot.ending': (payload: { sessionId: string; slot: LiveSlot; secondsLeft: number }) => void;
  /** An organiser's broadcast to the session's room. */
  announcement: (payload: Announcement) => void;
  /** WebRTC offer, answer or ICE candidate from the other side of a video meeting. */
  'rtc.signal': (payload: { meetingId: string; fromCompanyId: string; data: unknown }) => void;
  /** A notification for you was committed (sent to your own sockets), in your language. */
  notification: (payload: { notification: WireNotification }) => void;
}

export interface ClientToServerEvents {
  /** `since`: the presence version the client holds, when joining again. */
  'session:join': (
    payload: { sessionId: string; since?: number },
    ack: (response: LiveAck<{ state: LiveSessionState }>) => void,
  ) => void;
  /** The room's users by name, `limit` (1-200, 50 unless given) after the cursor `after`. */
  'presence:page': (
    payload: { sessionId: string; after?: string; limit?: number },
    ack: (response: LiveAck<{ page: PresencePage }>) => void,
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
