import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { keys } from '../queries';
import { useI18n, type MessageKey } from '../i18n';
import {
  ackError,
  connectLive,
  type Announcement,
  type LiveSessionState,
  type LiveSlot,
  type LiveSocket,
  type PresenceUser,
  type WireRequest,
} from '../live';
import { Link } from 'react-router';
import { ErrorBox, Loading, useErrorText } from '../ui';
import { VideoCall } from './call';

type Connection = 'connecting' | 'connected' | 'reconnecting' | { refused: unknown };

interface Activity {
  id: number;
  key: MessageKey;
  values: Record<string, string>;
  /** The request a notice is about, kept up to date as it is answered. */
  request?: WireRequest;
  /** The status a request changed to, worded in the language shown. */
  status?: WireRequest['status'];
}

/** The live room of a session: presence, the slot clock, your meetings, announcements, activity. */
export default function LivePage({ id }: { id: string }) {
  const { t, time } = useI18n();
  const errorText = useErrorText();
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
  const [now, setNow] = useState(() => Date.now());
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
    socket.on('matches.updated', (event) => {
      if (event.sessionId === id) note({ key: 'live.matchesUpdated', values: {} });
    });
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(tick);
      socket.disconnect();
    };
  }, [id]);

  const msLeft = slot.current ? Date.parse(slot.current.endsAt) - (now + offset) : 0;
  const left = useMemo(() => {
    const seconds = Math.max(0, Math.round(msLeft / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }, [msLeft]);

  if (typeof connection === 'object')
    return (
      <main>
        <div className="error" role="alert">
          {t('live.refused', { message: errorText(connection.refused) })}
        </div>
      </main>
    );
  if (!state)
    return (
      <main>
        <p role="status">{t('live.connecting')}</p>
        <Loading />
      </main>
    );

  const { current, next } = state.meetings;
  // Firms may test the call before their meeting: signalling is open until it ends.
  const callMeeting = state.session.mode === 'video' ? (current ?? next) : null;
  return (
    <main>
      <Link to={`/sessions/${id}`}>← {state.session.title}</Link>
      <h1>
        {t('live.title')}: {state.session.title}
      </h1>
      {connection === 'reconnecting' && (
        <div className="banner" role="status" aria-live="assertive">
          {t('live.reconnecting')}
        </div>
      )}
      {ending !== null && (
        <p className="notice" role="status">
          {t('live.ending', { seconds: ending })}
        </p>
      )}
      {socket && callMeeting?.roomId && (
        <VideoCall
          key={callMeeting.id}
          socket={socket}
          meeting={callMeeting}
          iceServers={state.iceServers ?? []}
        />
      )}
      <div className="columns">
        <section aria-labelledby="slot">
          <h2 id="slot">{t('live.slot')}</h2>
          {slot.current && msLeft > 0 ? (
            <p className="clock" aria-live="off">
              {t('live.slotLeft', { index: slot.current.index + 1, left })}
            </p>
          ) : (
            <p>{t('live.between')}</p>
          )}
          {slot.next && (
            <p className="muted">{t('live.nextSlot', { time: time(slot.next.startsAt) })}</p>
          )}
          {current && (
            <p className="notice ok">
              {t('live.meetingNow', { name: current.other.name, country: current.other.country })}
            </p>
          )}
          {next ? (
            <p>
              {t('live.meetingNext', {
                name: next.other.name,
                country: next.other.country,
                time: time(next.startsAt),
              })}
            </p>
          ) : (
            !current && <p className="muted">{t('live.noMeeting')}</p>
          )}
        </section>
        <section aria-labelledby="presence">
          <h2 id="presence">{t('live.online', { count: presence.length })}</h2>
          {presence.length === 0 ? (
            <p className="muted">{t('live.nobody')}</p>
          ) : (
            <ul className="plain presence">
              {presence.map((user) => (
                <li key={user.userId}>
                  <span className="dot" aria-hidden="true" /> {user.name}
                  {user.companies.length > 0 && (
                    <span className="muted">
                      {' '}
                      ·{' '}
                      {user.companies
                        .map((company) => `${company.name} (${company.country})`)
                        .join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="columns">
        <section aria-labelledby="announcements">
          <h2 id="announcements">{t('live.announcements')}</h2>
          {announcements.length === 0 ? (
            <p className="muted">{t('live.noAnnouncements')}</p>
          ) : (
            <ul className="plain announcements" aria-live="polite">
              {announcements.map((announcement) => (
                <li key={`${announcement.at}-${announcement.text}`}>
                  <div>{announcement.text}</div>
                  <small className="muted">
                    {announcement.from.name} · {time(announcement.at)}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </section>
        {activity.length > 0 && (
          <section aria-labelledby="activity">
            <h2 id="activity">{t('live.activity')}</h2>
            <ul className="plain" aria-live="polite">
              {activity.map((item) => (
                <li key={item.id}>
                  {t(item.key, {
                    ...item.values,
                    ...(item.status ? { status: t(`requests.status.${item.status}`) } : {}),
                  })}
                  {item.request?.message && (
                    <>
                      {' '}
                      <q>{item.request.message}</q>
                    </>
                  )}
                  {item.request &&
                    item.request.status === 'pending' &&
                    state.companyIds.includes(item.request.toCompanyId) && (
                      <AnswerRequest request={item.request} />
                    )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}

/** Accept or decline a request received while in the room; request.updated then updates it. */
function AnswerRequest({ request }: { request: WireRequest }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (status: 'accepted' | 'declined') =>
      api('PATCH', `/sessions/${request.sessionId}/requests/${request.id}`, { status }),
    // An answer changes the session's requests and, once accepted, its agendas.
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: keys.session(request.sessionId) }),
  });
  const busy = answer.isPending;
  const error = answer.error;
  return (
    <div className="actions">
      <button
        type="button"
        disabled={busy}
        aria-label={t('live.acceptFrom', { name: request.fromCompanyName })}
        onClick={() => answer.mutate('accepted')}
      >
        {t('requests.accept')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={t('live.declineFrom', { name: request.fromCompanyName })}
        onClick={() => answer.mutate('declined')}
      >
        {t('requests.decline')}
      </button>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
