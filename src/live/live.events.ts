import type { CompanyView } from '../companies/company.view';
import type { ApplicationView } from '../delegations/delegation.view';
import type { MeetingView } from '../meetings/meeting.view';
import type { RequestView } from '../requests/requests.service';

/**
 * The typed event map of the `/live` namespace. Rooms are derived on the server from who the
 * user is (`user:<id>`, `company:<id>` for each company they speak for, `organisers`), never
 * from names a client sends. Session rooms and the session events of SPEC.md join this map as
 * sessions land.
 */
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
}

export type ClientToServerEvents = Record<string, never>;

export interface SocketData {
  userId: string;
  role: string;
}

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  company: (companyId: string) => `company:${companyId}`,
  organisers: 'organisers',
} as const;
