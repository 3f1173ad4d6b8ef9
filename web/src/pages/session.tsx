import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
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
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../queries';
import { ErrorBox, Field, fieldErrors } from '../ui';
import { OUTCOMES } from '../../../src/meetings/meeting.wire';

/** One session: join it, then matches, requests and the agenda of the chosen company. */
export function SessionPage({ id, companies }: { id: string; companies: Membership[] }) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: keys.session(id),
    queryFn: () => api<SessionDetail>('GET', `/sessions/${id}`),
  });
  const verified = companies.filter((company) => company.status === 'verified');
  const [companyId, setCompanyId] = useState(verified[0]?.companyId ?? '');
  const company = verified.find((candidate) => candidate.companyId === companyId);

  return (
    <main>
      <Link to="/sessions">← {t('nav.sessions')}</Link>
      <QueryLoaded query={session}>
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
                onJoined={() =>
                  void queryClient.invalidateQueries({ queryKey: keys.session(id), exact: true })
                }
              />
            )}
          </>
        )}
      </QueryLoaded>
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
  const queryClient = useQueryClient();
  const invalidate = useCallback(
    (key: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey: key }),
    [queryClient],
  );
  const matchesKey = keys.matches(session.id, company.companyId);
  const requestsKey = keys.requests(session.id, company.companyId);
  const agendaKey = keys.agenda(session.id, company.companyId);
  const matches = useQuery({
    queryKey: matchesKey,
    queryFn: () =>
      api<Match[]>('GET', `${base}/matches?companyId=${company.companyId}&limit=20`).catch(
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'participant.not_found') return null;
          throw error;
        },
      ),
  });
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<unknown>(null);
  const requests = useQuery({
    queryKey: requestsKey,
    queryFn: () => api<RequestLists>('GET', `${base}/requests?companyId=${company.companyId}`),
  });
  // The firms this company has asked already (pending or accepted): no second request button.
  const asked = new Set(
    requests.isSuccess
      ? requests.data.sent
          .filter((request) => request.status === 'pending' || request.status === 'accepted')
          .map((request) => request.toCompanyId)
      : [],
  );
  const joined = matches.isSuccess && matches.data !== null;

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
      const requestsKey = keys.requests(session.id, company.companyId);
      const agendaKey = keys.agenda(session.id, company.companyId);
      const matchesKey = keys.matches(session.id, company.companyId);
      // What changed before the connection was up (or while it was down) is loaded on connecting.
      socket.on('connect', () => {
        invalidate(requestsKey);
        invalidate(agendaKey);
      });
      socket.on('request.created', ({ request }) => {
        if (mine(request.sessionId)) invalidate(requestsKey);
      });
      socket.on('request.updated', ({ request }) => {
        if (mine(request.sessionId)) invalidate(requestsKey);
      });
      socket.on('matches.updated', (event) => {
        if (mine(event.sessionId)) invalidate(matchesKey);
      });
      socket.on('schedule.published', (event) => {
        if (mine(event.sessionId)) invalidate(agendaKey);
      });
      // The other firm cancelled, or an organiser marked a meeting held or missed.
      socket.on('meeting.updated', ({ meeting }) => {
        if (mine(meeting.sessionId)) invalidate(agendaKey);
      });
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [joined, session.id, company.companyId, invalidate]);

  const join = async () => {
    setJoining(true);
    setJoinError(null);
    try {
      await api('POST', `${base}/participants`, { companyId: company.companyId });
      onJoined();
      invalidate(matchesKey);
    } catch (error) {
      setJoinError(error);
    } finally {
      setJoining(false);
    }
  };

  return (
    <QueryLoaded query={matches}>
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
              <Agenda base={base} company={company} queryKey={agendaKey} />
              <Requests base={base} requests={requests} onChange={() => invalidate(requestsKey)} />
            </div>
            <Matches
              base={base}
              company={company}
              matches={list}
              asked={asked}
              onRequested={() => invalidate(requestsKey)}
            />
          </>
        )
      }
    </QueryLoaded>
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
  onChange,
}: {
  base: string;
  requests: UseQueryResult<RequestLists>;
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
      <QueryLoaded query={requests}>
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
      </QueryLoaded>
    </section>
  );
}

function Agenda({
  base,
  company,
  queryKey,
}: {
  base: string;
  company: Membership;
  queryKey: readonly unknown[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const agenda = useQuery({
    queryKey,
    queryFn: () =>
      api<AgendaItem[]>(
        'GET',
        `${base}/agenda?companyId=${company.companyId}&timezone=${encodeURIComponent(VIEWER_ZONE)}`,
      ),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey });
  // A meeting that ends while the page is open offers the feedback form without a reload.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  const [cancelled, setCancelled] = useState<string | null>(null);
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t('agenda.title')}</h2>
      {cancelled && (
        <p className="notice" role="status">
          {t('meeting.cancelled', { name: cancelled })}
        </p>
      )}
      <QueryLoaded query={agenda}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('agenda.none')}</p>
          ) : (
            <ol className="plain agenda">
              {items.map((item) => (
                <AgendaEntry
                  key={item.id}
                  item={item}
                  company={company}
                  now={now}
                  onChange={reload}
                  onCancelled={() => {
                    setCancelled(item.other.name);
                    reload();
                  }}
                />
              ))}
            </ol>
          )
        }
      </QueryLoaded>
      <CalendarLinks base={base} company={company} />
    </section>
  );
}

function AgendaEntry({
  item,
  company,
  now,
  onChange,
  onCancelled,
}: {
  item: AgendaItem;
  company: Membership;
  now: number;
  onChange: () => void;
  onCancelled: () => void;
}) {
  const { t, time, dateTime } = useI18n();
  const ended =
    item.status === 'held' || (item.status === 'scheduled' && Date.parse(item.endsAt) <= now);
  const future = item.status === 'scheduled' && Date.parse(item.startsAt) > now;
  return (
    <li>
      <time dateTime={item.startsAt}>
        {dateTime(item.startsAt)}–{time(item.endsAt)}
      </time>
      <div>
        <strong>{item.other.name}</strong> ({item.other.city}, {item.other.country})
        {item.status !== 'scheduled' && (
          <>
            {' '}
            <span className={`badge ${item.status}`}>
              {t(`meeting.status.${item.status}` as MessageKey)}
            </span>
          </>
        )}
      </div>
      <div className="muted">
        {t('agenda.theirTime', {
          time: time(item.startsAt, item.other.timezone),
          zone: item.other.timezone,
        })}
        {' · '}
        {item.table !== undefined ? t('agenda.table', { table: item.table }) : t('agenda.video')}
      </div>
      {ended &&
        (item.feedback ? (
          <p className="feedback-given">
            {t('feedback.given', {
              rating: item.feedback.rating,
              outcome: t(`feedback.outcome.${item.feedback.outcome}` as MessageKey),
            })}
            {item.feedback.comment && (
              <>
                {' · '}
                <q>{item.feedback.comment}</q>
              </>
            )}
          </p>
        ) : (
          <FeedbackForm item={item} company={company} onGiven={onChange} />
        ))}
      {future && <CancelMeeting item={item} onCancelled={onCancelled} />}
    </li>
  );
}

/** Rating 1–5, outcome and a comment, once per side, after the meeting. */
function FeedbackForm({
  item,
  company,
  onGiven,
}: {
  item: AgendaItem;
  company: Membership;
  onGiven: () => void;
}) {
  const { t } = useI18n();
  const [rating, setRating] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<string>('follow-up');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrors(error);
  const id = (name: string) => `feedback-${item.id}-${name}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/meetings/${item.id}/feedback`, {
        rating,
        outcome,
        companyId: company.companyId,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onGiven();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form
      className="subform feedback"
      aria-label={t('feedback.title', { name: item.other.name })}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <fieldset className={fields.rating ? 'invalid' : undefined}>
        <legend>{t('feedback.rating', { name: item.other.name })}</legend>
        <div className="choices rating">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={id('rating')}
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {t(`feedback.stars.${value}` as MessageKey)}
            </label>
          ))}
        </div>
        {fields.rating?.map((message) => (
          <small key={message} className="field-error" role="alert">
            {message}
          </small>
        ))}
      </fieldset>
      <Field id={id('outcome')} label={t('feedback.outcome')} errors={fields.outcome}>
        <select
          id={id('outcome')}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
        >
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`feedback.outcome.${value}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('comment')} label={t('feedback.comment')} errors={fields.comment}>
        <textarea
          id={id('comment')}
          rows={2}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </Field>
      {error !== null && Object.keys(fields).length === 0 && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('feedback.submit')}
      </button>
    </form>
  );
}

/** Either firm may cancel a meeting that has not begun; a second click confirms. */
function CancelMeeting({ item, onCancelled }: { item: AgendaItem; onCancelled: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PATCH', `/meetings/${item.id}`, { status: 'cancelled' });
      onCancelled();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      {confirming ? (
        <>
          <span>{t('meeting.confirmCancel', { name: item.other.name })}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void cancel()}>
            {busy ? t('common.saving') : t('meeting.yesCancel')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('meeting.keep')}
          </button>
        </>
      ) : (
        <button type="button" className="secondary small" onClick={() => setConfirming(true)}>
          {t('meeting.cancel')}
        </button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

/** The agenda as a file (bearer token: fetched as a blob) and as a feed to subscribe to. */
function CalendarLinks({ base, company }: { base: string; company: Membership }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);

  const calendar = async () => {
    setError(null);
    try {
      await download(`${base}/agenda.ics?companyId=${company.companyId}`, 'agenda.ics');
    } catch (caught) {
      setError(caught);
    }
  };
  const subscribe = async () => {
    setError(null);
    setLoading(true);
    try {
      const { url } = await api<{ url: string }>(
        'GET',
        `${base}/agenda/feed?companyId=${company.companyId}`,
      );
      setFeed(new URL(url, location.origin).href);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  const copy = async (address: string) => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusal): the address is selected to copy by hand.
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="calendar-links">
      <a
        href={`/api${base}/agenda.ics?companyId=${company.companyId}`}
        onClick={(event) => {
          event.preventDefault();
          void calendar();
        }}
      >
        {t('agenda.download')}
      </a>{' '}
      {feed === null && (
        <button
          type="button"
          className="secondary small"
          disabled={loading}
          onClick={() => void subscribe()}
        >
          {loading ? t('common.loading') : t('feed.subscribe')}
        </button>
      )}
      {feed !== null && (
        <div className="feed">
          <label htmlFor="feed-url">{t('feed.address')}</label>
          <div className="copy-row">
            <input id="feed-url" readOnly value={feed} onFocus={(event) => event.target.select()} />
            <button type="button" className="secondary" onClick={() => void copy(feed)}>
              {copied ? t('feed.copied') : t('feed.copy')}
            </button>
          </div>
          <small>{t('feed.hint')}</small>
          <a href={feed.replace(/^https?:/, 'webcal:')}>{t('feed.open')}</a>
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
