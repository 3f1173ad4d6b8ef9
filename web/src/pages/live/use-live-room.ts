import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import {
  ackError,
  connectLive,
  type Announcement,
  type LiveSessionState,
  type LiveSlot,
  type LiveSocket,
  type WireRequest,
} from '../../live';
import {
  joinedPresence,
  pageLoaded,
  partnersEvent,
  presenceEvent,
  type RoomPresence,
} from './room-presence';

/** The live room as `useLiveRoom` keeps it, passed whole to the parts of the page that need it. */
export type LiveRoom = ReturnType<typeof useLiveRoom>;

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
  /** The status the session moved to, worded in the language shown. */
  sessionStatus?: LiveSessionState['session']['status'];
}

interface HeldPresence {
  id: string;
  room: RoomPresence;
}

/** The room held if it is session `id`'s. */
const heldOf = (held: HeldPresence | null, id: string): RoomPresence | null =>
  held?.id === id ? held.room : null;

/**
 * The session's live room over socket.io: joined on every (re)connection, then kept up to date by
 * its events (presence, slots, announcements, requests, schedules, matches, the session's status
 * and its meetings).
 */
export function useLiveRoom(id: string) {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [state, setState] = useState<LiveSessionState | null>(null);
  // The presence held, with the session it is of: once the page shows another session, none of
  // it may show, be sent as `since` (the other room's changes would be applied to these people),
  // or take a page of the room asked for before.
  const [held, setHeld] = useState<HeldPresence | null>(null);
  const presence = heldOf(held, id);
  // Read when joining again, to be sent only what changed since.
  const heldRef = useRef<HeldPresence | null>(null);
  useEffect(() => {
    heldRef.current = held;
  }, [held]);
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

    // Changes to this session's presence; nothing to do before its join is acknowledged.
    const update = (change: (room: RoomPresence) => RoomPresence) =>
      setHeld((previous) => (previous?.id === id ? { id, room: change(previous.room) } : previous));

    const join = () => {
      const since = heldOf(heldRef.current, id)?.version;
      socket.emit(
        'session:join',
        since === undefined ? { sessionId: id } : { sessionId: id, since },
        (ack) => {
          if (!ack.ok) return setConnection({ refused: ackError(ack.error) });
          const joined = ack.state;
          setOffset(Date.parse(joined.serverTime) - Date.now());
          setState(joined);
          setHeld((previous) => ({
            id,
            room: joinedPresence(joined.presence, heldOf(previous, id)),
          }));
          setAnnouncements(joined.announcements);
          setSlot({ current: joined.slot.current, next: joined.slot.next });
          setSocket(socket);
          setConnection('connected');
        },
      );
    };

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
      if (event.sessionId === id) update((room) => presenceEvent(room, event));
    });
    socket.on('presence.partners', (event) => {
      if (event.sessionId === id) update((room) => partnersEvent(room, event.changes));
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
    // Closed (or moved back, or gone live) by an organiser: the room shows it, and a closed
    // room offers no call.
    socket.on('session.updated', (event) => {
      if (event.sessionId !== id) return;
      note({ key: 'live.sessionStatus', values: {}, sessionStatus: event.status });
      join();
    });
    // A meeting cancelled (or marked) is no longer the current or next one to call.
    socket.on('meeting.updated', ({ meeting }) => {
      if (meeting.sessionId === id) join();
    });
    socket.on('matches.updated', (event) => {
      if (event.sessionId === id) note({ key: 'live.matchesUpdated', values: {} });
    });
    return () => {
      socket.disconnect();
    };
  }, [id]);

  /** Loads the room's first page again (`first`) or the next one; rejects with the API's error. */
  const loadPresence = useCallback(
    async (first: boolean) => {
      if (!socket) return;
      const after = first ? undefined : (heldOf(heldRef.current, id)?.next ?? undefined);
      const ack = await socket.emitWithAck(
        'presence:page',
        after === undefined ? { sessionId: id } : { sessionId: id, after },
      );
      if (!ack.ok) throw ackError(ack.error);
      // A later page belongs after the list it was asked for: not after a room loaded again
      // meanwhile (a reconnection too late for the changes only), nor in another session's.
      setHeld((previous) => {
        const room = heldOf(previous, id);
        if (!room || (!first && room.next !== (after ?? null))) return previous;
        return { id, room: pageLoaded(room, ack.page, first) };
      });
    },
    [socket, id],
  );

  return {
    connection,
    state,
    presence,
    loadPresence,
    announcements,
    slot,
    ending,
    activity,
    offset,
    socket,
  };
}
