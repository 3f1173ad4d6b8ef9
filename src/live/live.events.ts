import type { ErrorBody } from '../common/http-exception.filter';
import type { CompanyView } from '../companies/company.view';
import type { IceServer } from '../config/app-config';
import type { ApplicationView } from '../delegations/delegation.view';
import type { JobView } from '../jobs/jobs.service';
import type { MeetingView } from '../meetings/meeting.view';
import type { RequestView } from '../requests/requests.service';
import type {
  WireApplication,
  WireCompany,
  WireError,
  WireIceServer,
  WireJob,
  WireMeeting,
  WireRequest,
} from './live.wire';

/**
 * The typed event map of the `/live` namespace. The payloads are declared in `live.wire.ts`, a
 * file with no imports that the web app shares; here the server's own views are checked to be
 * exactly those types. Rooms are derived on the server from who the user is (`user:<id>`,
 * `company:<id>` for each company they speak for, `organisers`) and from the sessions the server
 * let them join (`session:<id>`), never from names a client sends.
 */
export type {
  Announcement,
  ClientToServerEvents,
  LiveAck,
  LiveMeeting,
  LiveSessionState,
  LiveSlot,
  PresenceUser,
  ServerToClientEvents,
} from './live.wire';

/** True when A and B are the same type: a field added to, or changed in, one only fails the build. */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;

/** The server's views are the wire types the web app reads (a type-level check only). */
export type ViewsMatchTheWire = [
  Holds<Same<ErrorBody, WireError>>,
  Holds<Same<IceServer, WireIceServer>>,
  Holds<Same<CompanyView, WireCompany>>,
  Holds<Same<ApplicationView, WireApplication>>,
  Holds<Same<JobView, WireJob>>,
  Holds<Same<MeetingView, WireMeeting>>,
  Holds<Same<RequestView, WireRequest>>,
];

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
