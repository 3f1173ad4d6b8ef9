import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from './live.wire';

/**
 * The typed event map of the `/live` namespace. The payloads are declared in `live.wire.ts`, a
 * file with no imports that the web app shares, and the server's views (CompanyView, MeetingView,
 * JobView, RequestView, ...) are those very types. Rooms are derived on the server from who the user is (`user:<id>`,
 * `company:<id>` for each company they speak for, `organisers`) and from the sessions the server
 * let them join (`session:<id>`), never from names a client sends.
 */
export type {
  Announcement,
  ClientToServerEvents,
  LiveAck,
  LiveMeeting,
  LivePresence,
  PresenceChange as WirePresenceChange,
  PresencePage,
  LiveSessionState,
  LiveSlot,
  PresenceUser,
  ServerToClientEvents,
} from './live.wire';

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

/** The `/live` namespace, typed by the event maps of `live.wire.ts`. */
export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  object,
  SocketData
>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
