import { useEffect, useState } from 'react';
import {
  api,
  ApiError,
  download,
  type AgendaItem,
  type Match,
  type Membership,
  type MeetingRequest,
  type SessionDetail,
} from '../api';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../i18n';
import { Link } from '../router';
import { ErrorBox, Loaded, useLoad, type Load } from '../ui';

/** One session: join it, then matches, requests and the agenda of the chosen company. */
export function SessionPage({ id, companies }: { id: string; companies: Membership[] }) {
  const { t, dateTime } = useI18n();
  const [session, reload] = useLoad(() => api<SessionDetail>('GET', `/sessions/${id}`), [id]);
  const verified = companies.filter((company) => company.status === 'verified');
  const [companyId, setCompanyId] = useState(verified[0]?.companyId ?? '');
  const company = verified.find((candidate) => candidate.companyId === companyId);

  return (
    <main>
      <Link to="/sessions">← {t('nav.sessions')}</Link>
      <Loaded load={session} reload={reload}>
        {(detail) => (
          <>
            <h1>{detail.title}</h1>
            <div>
              <span className={`badge ${detail.status}`}>
                {t(`sessions.status.${detail.status}` as MessageKey)}
              </span>{' '}
              <span className="badge">{t(`sessions.mode.${detail.mode}` as MessageKey)}</span>
            </div>
            <p>
              {t('session.when', {
                start: dateTime(detail.startsAt),
                end: dateTime(detail.endsAt),
                zone: VIEWER_ZONE,
              })}
            </p>
            <p className="muted">
              {t('session.slot', { minutes: detail.slotMinutes })} ·{' '}
              {t('session.participants', { count: detail.participantCount })} ·{' '}
              {t('session.deadline', { time: dateTime(detail.requestDeadline) })}
            </p>
            {detail.description && <p>{detail.description}</p>}
            {companies.length === 0 && (
              <p className="notice">
                {t('session.needCompany')} <Link to="/company">{t('company.register')}</Link>
              </p>
            )}
            {companies
              .filter((candidate) => candidate.status !== 'verified')
              .map((candidate) => (
                <p key={candidate.companyId} className="notice">
                  {t('session.needVerified', {
                    name: candidate.name,
                    status: t(`company.status.${candidate.status}` as MessageKey),
                  })}
                </p>
              ))}
            {verified.length > 1 && (
              <p>
                <label htmlFor="acting-for">{t('session.as')} </label>
                <select
                  id="acting-for"
                  value={companyId}
                  onChange={(event) => setCompanyId(event.target.value)}
                >
                  {verified.map((candidate) => (
                    <option key={candidate.companyId} value={candidate.companyId}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </p>
            )}
            {company && (
              <Participation
                key={company.companyId}
                session={detail}
                company={company}
                onJoined={reload}
              />
            )}
          </>
        )}
      </Loaded>
    </main>
  );
}

/** Matches, requests and agenda once the company takes part; the join button before. */
function Participation({
  session,
  company,
  onJoined,
}: {
  session: SessionDetail;
  company: Membership;
  onJoined: () => void;
}) {
  const { t } = useI18n();
  const base = `/sessions/${session.id}`;
  // The matches answer 404 `participant.not_found` while the company has not joined.
  const [matches, reloadMatches] = useLoad(
    () =>
      api<Match[]>('GET', `${base}/matches?companyId=${company.companyId}&limit=20`).catch(
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'participant.not_found') return null;
          throw error;
        },
      ),
    [base, company.companyId],
  );
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<unknown>(null);
  const [requestsRound, setRequestsRound] = useState(0);
  const [agendaRound, setAgendaRound] = useState(0);
  const [requests, reloadRequests] = useLoad(
    () => api<RequestLists>('GET', `${base}/requests?companyId=${company.companyId}`),
    [base, company.companyId],
  );
  // Loaded again, in place, when something changed them.
  useEffect(() => {
    if (requestsRound > 0) reloadRequests();
  }, [requestsRound, reloadRequests]);
  // The firms this company has asked already (pending or accepted): no second request button.
  const asked = new Set(
    requests.state === 'ready'
      ? requests.value.sent
          .filter((request) => request.status === 'pending' || request.status === 'accepted')
          .map((request) => request.toCompanyId)
      : [],
  );
  const joined = matches.state === 'ready' && matches.value !== null;

  // While the page is open, the live connection says when requests, matches or the schedule
  // change, and the sections load again. (socket.io-client is loaded only here and in the room.)
  useEffect(() => {
    if (!joined) return;
    let closed = false;
    let disconnect = () => {};
    void import('../live').then(({ connectLive }) => {
      if (closed) return;
      const socket = connectLive();
      disconnect = () => socket.disconnect();
      const mine = (sessionId: string) => sessionId === session.id;
      // What changed before the connection was up (or while it was down) is loaded on connecting.
      socket.on('connect', () => {
        setRequestsRound((n) => n + 1);
        setAgendaRound((n) => n + 1);
      });
      socket.on('request.created', ({ request }) => {
        if (mine(request.sessionId)) setRequestsRound((n) => n + 1);
      });
      socket.on('request.updated', ({ request }) => {
        if (mine(request.sessionId)) setRequestsRound((n) => n + 1);
      });
      socket.on('matches.updated', (event) => {
        if (mine(event.sessionId)) reloadMatches();
      });
      socket.on('schedule.published', (event) => {
        if (mine(event.sessionId)) setAgendaRound((n) => n + 1);
      });
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [joined, session.id, reloadMatches]);

  const join = async () => {
    setJoining(true);
    setJoinError(null);
    try {
      await api('POST', `${base}/participants`, { companyId: company.companyId });
      onJoined();
      reloadMatches();
    } catch (error) {
      setJoinError(error);
    } finally {
      setJoining(false);
    }
  };

  return (
    <Loaded load={matches} reload={reloadMatches}>
      {(list) =>
        list === null ? (
          <div className="join">
            <button type="button" onClick={() => void join()} disabled={joining}>
              {joining ? t('common.saving') : t('session.join', { name: company.name })}
            </button>
            {joinError !== null && <ErrorBox error={joinError} />}
          </div>
        ) : (
          <>
            <p className="notice ok" role="status">
              {t('session.joined', { name: company.name })}
              {session.status !== 'closed' && (
                <>
                  {' · '}
                  <Link to={`/sessions/${session.id}/live`}>{t('live.open')}</Link>
                </>
              )}
            </p>
            <div className="columns">
              <Agenda base={base} company={company} round={agendaRound} />
              <Requests
                base={base}
                requests={requests}
                reload={reloadRequests}
                onChange={() => setRequestsRound((n) => n + 1)}
              />
            </div>
            <Matches
              base={base}
              company={company}
              matches={list}
              asked={asked}
              onRequested={() => setRequestsRound((n) => n + 1)}
            />
          </>
        )
      }
    </Loaded>
  );
}

function Matches({
  base,
  company,
  matches,
  asked,
  onRequested,
}: {
  base: string;
  company: Membership;
  matches: Match[];
  asked: Set<string>;
  onRequested: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="matches">
      <h2 id="matches">{t('matches.title')}</h2>
      {matches.length === 0 ? (
        <p>{t('matches.none')}</p>
      ) : (
        <ol className="cards matches">
          {matches.map((match) => (
            <MatchCard
              key={match.company.id}
              base={base}
              company={company}
              match={match}
              asked={asked.has(match.company.id)}
              onRequested={onRequested}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function MatchCard({
  base,
  company,
  match,
  asked,
  onRequested,
}: {
  base: string;
  company: Membership;
  match: Match;
  asked: boolean;
  onRequested: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const fieldId = `message-${match.company.id}`;

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `${base}/requests`, {
        fromCompanyId: company.companyId,
        toCompanyId: match.company.id,
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      setSent(true);
      setOpen(false);
      onRequested();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card match">
      <div className="match-head">
        <strong>{match.company.name}</strong>
        <span className="score" aria-label={t('matches.score', { score: match.score })}>
          {Math.round(match.score)}
        </span>
      </div>
      <div className="muted">
        {match.company.city}, {match.company.country}
      </div>
      <ul className="reasons">
        {match.reasons
          .filter((reason) => reason.value > 0)
          .map((reason) => (
            <li key={reason.component}>{reason.text}</li>
          ))}
      </ul>
      {sent || asked ? (
        <p className="notice ok">{t('matches.requested')}</p>
      ) : open ? (
        <div className="request-form">
          <label htmlFor={fieldId}>{t('matches.message')}</label>
          <textarea
            id={fieldId}
            rows={2}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          {error !== null && <ErrorBox error={error} />}
          <div className="actions">
            <button type="button" onClick={() => void send()} disabled={busy}>
              {busy ? t('common.saving') : t('matches.send')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('matches.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('matches.request')}
        </button>
      )}
    </li>
  );
}

type RequestLists = { sent: MeetingRequest[]; received: MeetingRequest[] };

function Requests({
  base,
  requests,
  reload,
  onChange,
}: {
  base: string;
  requests: Load<RequestLists>;
  reload: () => void;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const answer = async (request: MeetingRequest, status: 'accepted' | 'declined') => {
    setBusy(request.id);
    setError(null);
    try {
      await api('PATCH', `${base}/requests/${request.id}`, { status });
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const status = (request: MeetingRequest) => (
    <span className={`badge ${request.status}`}>
      {t(`requests.status.${request.status}` as MessageKey)}
      {request.mutual && ` · ${t('requests.mutual')}`}
    </span>
  );

  return (
    <section aria-labelledby="requests">
      <h2 id="requests">{t('requests.title')}</h2>
      {error !== null && <ErrorBox error={error} />}
      <Loaded load={requests} reload={reload}>
        {({ sent, received }) => (
          <>
            <h3>{t('requests.received')}</h3>
            {received.length === 0 ? (
              <p className="muted">{t('requests.none')}</p>
            ) : (
              <ul className="plain">
                {received.map((request) => (
                  <li key={request.id} className="request">
                    <div>
                      {t('requests.from', { name: request.fromCompanyName })} {status(request)}
                    </div>
                    {request.message && <q>{request.message}</q>}
                    {request.status === 'pending' && (
                      <div className="actions">
                        <button
                          type="button"
                          disabled={busy === request.id}
                          onClick={() => void answer(request, 'accepted')}
                        >
                          {t('requests.accept')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy === request.id}
                          onClick={() => void answer(request, 'declined')}
                        >
                          {t('requests.decline')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('requests.sent')}</h3>
            {sent.length === 0 ? (
              <p className="muted">{t('requests.none')}</p>
            ) : (
              <ul className="plain">
                {sent.map((request) => (
                  <li key={request.id} className="request">
                    {t('requests.to', { name: request.toCompanyName })} {status(request)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Agenda({ base, company, round }: { base: string; company: Membership; round: number }) {
  const { t, time, dateTime } = useI18n();
  const [agenda, reload] = useLoad(
    () =>
      api<AgendaItem[]>(
        'GET',
        `${base}/agenda?companyId=${company.companyId}&timezone=${encodeURIComponent(VIEWER_ZONE)}`,
      ),
    [base, company.companyId],
  );
  useEffect(() => {
    if (round > 0) reload();
  }, [round, reload]);
  const [error, setError] = useState<unknown>(null);
  const calendar = async () => {
    setError(null);
    try {
      await download(`${base}/agenda.ics?companyId=${company.companyId}`, 'agenda.ics');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t('agenda.title')}</h2>
      <Loaded load={agenda} reload={reload}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('agenda.none')}</p>
          ) : (
            <>
              <ol className="plain agenda">
                {items.map((item) => (
                  <li key={item.id}>
                    <time dateTime={item.startsAt}>
                      {dateTime(item.startsAt)}–{time(item.endsAt)}
                    </time>
                    <div>
                      <strong>{item.other.name}</strong> ({item.other.city}, {item.other.country})
                    </div>
                    <div className="muted">
                      {t('agenda.theirTime', {
                        time: time(item.startsAt, item.other.timezone),
                        zone: item.other.timezone,
                      })}
                      {' · '}
                      {item.table !== undefined
                        ? t('agenda.table', { table: item.table })
                        : t('agenda.video')}
                    </div>
                  </li>
                ))}
              </ol>
              <a
                href={`/api${base}/agenda.ics?companyId=${company.companyId}`}
                onClick={(event) => {
                  event.preventDefault();
                  void calendar();
                }}
              >
                {t('agenda.download')}
              </a>
              {error !== null && <ErrorBox error={error} />}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
