import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ServerToClientEvents } from '../../src/live/live.wire';
import { keys } from './queries';

type Events = ServerToClientEvents;
type Payload<E extends keyof Events> = Parameters<Events[E]>[0];

/** Everything cached about one session of one kind (matches, requests, agenda) for any company. */
const ofSession = (sessionId: string, kind: string) => [...keys.session(sessionId), kind] as const;

interface Stale {
  key: QueryKey;
  /** That query only, not those under it. */
  exact?: boolean;
}

/**
 * Which cached queries each live event makes stale: the one table from live events to query
 * keys. Only the queries on screen load again; the others load fresh when next shown. Events
 * the pages follow otherwise (presence, slots, signals, job progress) are not here.
 */
export const staleQueries: { [E in keyof Events]?: (payload: Payload<E>) => Stale[] } = {
  notification: () => [{ key: keys.notifications }],
  // A verification decision or an edit: the company's pages, the organisers' lists and the
  // memberships of the account (whose statuses decide what the firm may do).
  'company.updated': () => [{ key: keys.companies }, { key: keys.account }],
  'application.updated': () => [{ key: keys.delegations }, { key: keys.programme }],
  // Seats taken, given up, promoted or checked in: the seminar lists, pages and door follow.
  'seminar.updated': () => [{ key: keys.seminars }, { key: keys.programme }],
  'matches.updated': ({ sessionId }) => [{ key: ofSession(sessionId, 'matches') }],
  // Another user of the firm marked or unmarked a firm: its matches show the new marks.
  'preference.updated': ({ sessionId }) => [{ key: ofSession(sessionId, 'matches') }],
  // A new schedule moves agendas, settles requests and changes the session's status.
  'schedule.published': ({ sessionId }) => [{ key: keys.session(sessionId) }],
  'meeting.updated': ({ meeting }) => [
    { key: ofSession(meeting.sessionId, 'agenda') },
    { key: ofSession(meeting.sessionId, 'requests') },
    { key: keys.board(meeting.sessionId) },
    { key: keys.report(meeting.sessionId) },
    { key: keys.programme },
  ],
  'request.created': ({ request }) => [
    { key: ofSession(request.sessionId, 'requests') },
    { key: keys.board(request.sessionId) },
  ],
  'request.updated': ({ request }) => [
    { key: ofSession(request.sessionId, 'requests') },
    { key: keys.board(request.sessionId) },
  ],
  // A message or a read receipt: the conversation lists (and the header's unread count) and the
  // open thread, whichever company of the user it concerns; interest in a firm's post on the
  // opportunities board arrives as a message, so the poster's interest lists follow it too.
  'message.created': () => [{ key: keys.conversations }, { key: keys.opportunities }],
  'conversation.read': () => [{ key: keys.conversations }],
  'session.updated': ({ sessionId }) => [
    { key: keys.session(sessionId), exact: true },
    { key: keys.board(sessionId) },
    { key: [...keys.sessions, 'list'] },
  ],
  'participants.updated': ({ sessionId }) => [
    { key: keys.session(sessionId), exact: true },
    { key: ofSession(sessionId, 'participants') },
    { key: keys.board(sessionId) },
    { key: keys.programme },
  ],
};

/** Marks stale what a live event changed. */
export function applyLiveEvent<E extends keyof Events>(
  queryClient: QueryClient,
  event: E,
  payload: Payload<E>,
): void {
  const stale = staleQueries[event];
  for (const { key, exact } of stale?.(payload) ?? [])
    void queryClient.invalidateQueries({ queryKey: key, exact });
}

/** The part of a socket this needs (the app's socket.io client, or a test's stand-in). */
export interface LiveEventSource {
  on(event: string, listener: (...args: never[]) => void): unknown;
  recovered?: boolean;
  disconnect(): unknown;
}

const connectLiveLazily = async (): Promise<LiveEventSource> =>
  (await import('./live')).connectLive();

/**
 * One live connection for the signed-in user (none signed out), whatever page is open: every
 * event of `staleQueries` marks its queries stale, so a page shows what someone else changed (an
 * organiser's decision, a firm joining, a session closed, matches scored) without a reload.
 * After the connection was down and could not recover what it missed, everything on screen is
 * loaded again. socket.io-client is loaded only once this runs; `connect` is the test's seam.
 */
export function useLiveSync(userId: string | undefined, connect = connectLiveLazily): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let closed = false;
    let disconnect = () => {};
    void connect().then((socket) => {
      if (closed) return void socket.disconnect();
      disconnect = () => void socket.disconnect();
      let connections = 0;
      socket.on('connect', () => {
        // The first connection follows the pages' first loads; a later one that did not
        // recover its missed events may have missed anything.
        if (connections++ > 0 && !socket.recovered)
          void queryClient.invalidateQueries({
            predicate: (query) => query.queryKey[0] !== keys.account[0],
          });
      });
      for (const event of Object.keys(staleQueries) as (keyof Events)[]) {
        socket.on(event, (payload: never) => applyLiveEvent(queryClient, event, payload));
      }
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [userId, connect, queryClient]);
}
