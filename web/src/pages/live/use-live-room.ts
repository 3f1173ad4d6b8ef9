import { useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n';
import {
  ackError,
  connectLive,
  type Announcement,
  type LiveSessionState,
  type LiveSlot,
  type LiveSocket,
  type PresenceUser,
  type WireRequest,
} from '../../live';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | { refused: unknown };

/** A line of the room's activity, kept as a message key so that it follows a change of language. */
export interface Activity {
  id: number;
  key: MessageKey;
  values: Record<string, string>;
  /** The request a notice is about, kept up to date as it is answered. */
  request?: WireRequest;
  /** The status a request changed to, worded in the language shown. */
  status?: WireRequest['status'];
}

/**
 * The session's live room over socket.io: joined on every (re)connection, then kept up to date by
 * its events (presence, slots, announcements, requests, schedules, matches).
 */
export function useLiveRoom(id: string) {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [state, setState] = useState<LiveSessionState | null>(null);
  const [presence, setPresence] = useState<PresenceUser[]>([]);
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const [slot, setSlot] = useState<{ current: LiveSlot | null; next: LiveSlot | null }>({
    current: null,
    next: null,
  });
  const [ending, setEnding] = useState<number | null>(null);
  const [activity, setActivity] = useState<Activity[]>([]);
  const [offset, setOffset] = useState(0);
  const [socket, setSocket] = useState<LiveSocket | null>(null);

  useEffect(() => {
    const socket = connectLive();
    let activityId = 0;
    // Kept as keys, so that they follow a change of language.
    const note = (activity: Omit<Activity, 'id'>) =>
      setActivity((list) => [{ id: ++activityId, ...activity }, ...list].slice(0, 10));

    const join = () =>
      socket.emit('session:join', { sessionId: id }, (ack) => {
        if (!ack.ok) return setConnection({ refused: ackError(ack.error) });
        const joined = ack.state;
        setOffset(Date.parse(joined.serverTime) - Date.now());
        setState(joined);
        setPresence(joined.presence);
        setAnnouncements(joined.announcements);
        setSlot({ current: joined.slot.current, next: joined.slot.next });
        setSocket(socket);
        setConnection('connected');
      });

    // Joined again after every (re)connection: the state may have moved on meanwhile.
    socket.on('connect', join);
    socket.on('disconnect', (reason) =>
      // The server closing the socket itself (a token no longer valid) is final; socket.io
      // reconnects by itself after anything else.
      setConnection(reason === 'io server disconnect' ? { refused: reason } : 'reconnecting'),
    );
    socket.on('connect_error', (error) => {
      // A refused token is final; anything else is the network, and socket.io tries again.
      if (!socket.active) setConnection({ refused: error });
      else setConnection((previous) => (previous === 'connected' ? 'reconnecting' : previous));
    });
    socket.on('presence', (event) => {
      if (event.sessionId !== id) return;
      setPresence((list) => {
        const next = new Map(list.map((user) => [user.userId, user]));
        for (const change of event.changes) {
          if (change.online) next.set(change.user.userId, change.user);
          else next.delete(change.user.userId);
        }
        return [...next.values()];
      });
    });
    socket.on('slot.started', (event) => {
      if (event.sessionId !== id) return;
      setSlot({ current: event.slot, next: event.next });
      setEnding(null);
      join(); // The current and next meetings moved on with the slot.
    });
    socket.on('slot.ending', (event) => {
      if (event.sessionId === id) setEnding(event.secondsLeft);
    });
    socket.on('announcement', (event) => {
      if (event.sessionId === id) setAnnouncements((list) => [event, ...list].slice(0, 20));
    });
    socket.on('request.created', ({ request }) => {
      if (request.sessionId === id)
        note({
          key: 'live.requestCreated',
          values: { from: request.fromCompanyName, to: request.toCompanyName },
          request,
        });
    });
    socket.on('request.updated', ({ request }) => {
      if (request.sessionId !== id) return;
      // The notice of its arrival no longer offers to answer it.
      setActivity((list) =>
        list.map((item) => (item.request?.id === request.id ? { ...item, request } : item)),
      );
      note({
        key: 'live.requestUpdated',
        values: { from: request.fromCompanyName, to: request.toCompanyName },
        status: request.status,
      });
    });
    socket.on('schedule.published', (event) => {
      if (event.sessionId === id) {
        note({ key: 'live.schedulePublished', values: {} });
        join();
      }
    });
    socket.on('session.updated', (event) => {
      if (event.sessionId !== id) return;
      // Closed (or taken back): the room stops (or starts again) offering calls at once.
      setState(
        (current) =>
          current && { ...current, session: { ...current.session, status: event.status } },
      );
      note({ key: `live.sessionStatus.${event.status}`, values: {} });
    });
    socket.on('matches.updated', (event) => {
      if (event.sessionId === id) note({ key: 'live.matchesUpdated', values: {} });
    });
    return () => {
      socket.disconnect();
    };
  }, [id]);

  return { connection, state, presence, announcements, slot, ending, activity, offset, socket };
}
