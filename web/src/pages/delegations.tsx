import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { WireApplication } from '../../../src/live/live.wire';
import { api, download, type Membership, type Page, type User } from '../api';
import type { components } from '../api/schema';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../queries';
import { ErrorBox } from '../ui';
import { ItineraryItemForm } from './delegation-form';

export type Delegation = components['schemas']['DelegationView'];
export type ItineraryItem = components['schemas']['ItineraryItemView'];
export type DelegationDetail = components['schemas']['DelegationDetailView'];

export const isOrganiserRole = (user: User) => user.role === 'organiser' || user.role === 'admin';

/** A calendar date (YYYY-MM-DD) written out in the chosen language. */
function useCalendarDate(): (date: string) => string {
  const { language } = useI18n();
  return (date) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
}

function Seats({ delegation }: { delegation: Delegation }) {
  const { t } = useI18n();
  return delegation.seatsLeft > 0 ? (
    <span>
      {t('delegations.seats', {
        accepted: delegation.acceptedCount,
        capacity: delegation.capacity,
        left: delegation.seatsLeft,
      })}
    </span>
  ) : (
    <>
      <span className="badge full">{t('delegations.full', { capacity: delegation.capacity })}</span>
      {delegation.waitlistedCount > 0 && (
        <span className="muted">
          {' '}
          · {t('delegations.waitlist', { count: delegation.waitlistedCount })}
        </span>
      )}
    </>
  );
}

type When = 'upcoming' | 'past';

/** The delegations, soonest first; organisers may create one. */
export function DelegationsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const date = useCalendarDate();
  const [when, setWhen] = useState<When>('upcoming');
  const delegations = useQuery({
    queryKey: keys.delegationList(`pageSize=100&when=${when}`),
    queryFn: () => api<Page<Delegation>>('GET', `/delegations?pageSize=100&when=${when}`),
  });
  return (
    <main>
      <h1>{t('delegations.title')}</h1>
      <p className="muted">{t('delegations.intro')}</p>
      <div className="toolbar">
        <label htmlFor="delegations-when">{t('delegations.show')}</label>
        <select
          id="delegations-when"
          value={when}
          onChange={(event) => setWhen(event.target.value as When)}
        >
          <option value="upcoming">{t('delegations.upcoming')}</option>
          <option value="past">{t('delegations.past')}</option>
        </select>
        {isOrganiserRole(user) && (
          <Link to="/delegations/new" className="button">
            {t('delegations.new')}
          </Link>
        )}
      </div>
      <QueryLoaded query={delegations}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('delegations.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((delegation) => (
                <li key={delegation.id} className="card delegation">
                  <h2>
                    <Link to={`/delegations/${delegation.id}`}>{delegation.title}</Link>
                  </h2>
                  <div>
                    <span className="badge">
                      {t(`delegations.direction.${delegation.direction}` as MessageKey)}
                    </span>{' '}
                    <Seats delegation={delegation} />
                  </div>
                  <p className="muted">
                    {t('delegations.route', {
                      origin: delegation.originCountry,
                      destination: delegation.destinationCountry,
                      city: delegation.city,
                    })}
                    <br />
                    {t('delegations.dates', {
                      start: date(delegation.startsOn),
                      end: date(delegation.endsOn),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryLoaded>
    </main>
  );
}

/** One delegation: its itinerary, applying and withdrawing, and the organisers' decisions. */
export function DelegationPage({
  id,
  user,
  companies,
}: {
  id: string;
  user: User;
  companies: Membership[];
}) {
  const { t } = useI18n();
  const date = useCalendarDate();
  const queryClient = useQueryClient();
  const delegation = useQuery({
    queryKey: keys.delegation(id),
    queryFn: () => api<DelegationDetail>('GET', `/delegations/${id}`),
  });
  // After an application, a withdrawal, a decision or an itinerary change.
  const reload = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keys.delegation(id) }),
    [queryClient, id],
  );
  const organiser = isOrganiserRole(user);
  // Decisions (also a promotion from the waitlist) reach the page over the live connection.
  // (socket.io-client is loaded only where it is used.)
  useEffect(() => {
    let closed = false;
    let disconnect = () => {};
    void import('../live').then(({ connectLive }) => {
      if (closed) return;
      const socket = connectLive();
      disconnect = () => socket.disconnect();
      socket.on('application.updated', ({ application }) => {
        if (application.delegationId === id) reload();
      });
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [id, reload]);
  return (
    <main>
      <Link to="/delegations">← {t('delegations.title')}</Link>
      <QueryLoaded query={delegation}>
        {(detail) => (
          <>
            <h1>{detail.title}</h1>
            <div>
              <span className="badge">
                {t(`delegations.direction.${detail.direction}` as MessageKey)}
              </span>{' '}
              <Seats delegation={detail} />
            </div>
            <p>
              {t('delegations.route', {
                origin: detail.originCountry,
                destination: detail.destinationCountry,
                city: detail.city,
              })}{' '}
              · {t('delegations.dates', { start: date(detail.startsOn), end: date(detail.endsOn) })}
            </p>
            <p className="muted">
              {t('delegations.leader', { leader: detail.leader })} ·{' '}
              {t('delegations.zone', { zone: detail.timezone })}
            </p>
            {detail.description && <p>{detail.description}</p>}
            {organiser && (
              <p>
                <Link to={`/delegations/${detail.id}/edit`} className="button secondary">
                  {t('delegations.edit')}
                </Link>
              </p>
            )}
            <div className="columns">
              <Itinerary delegation={detail} organiser={organiser} onChange={reload} />
              {organiser ? (
                <Decisions delegation={detail} onChange={reload} />
              ) : (
                <Apply delegation={detail} companies={companies} onChange={reload} />
              )}
            </div>
          </>
        )}
      </QueryLoaded>
    </main>
  );
}

function Itinerary({
  delegation,
  organiser,
  onChange,
}: {
  delegation: DelegationDetail;
  organiser: boolean;
  onChange: () => void;
}) {
  const { t, dateTime, time } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const local = delegation.timezone !== VIEWER_ZONE;

  const remove = async (item: ItineraryItem) => {
    setBusy(item.id);
    setError(null);
    try {
      await api('DELETE', `/delegations/${delegation.id}/itinerary/${item.id}`);
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const calendar = async () => {
    setError(null);
    try {
      await download(`/delegations/${delegation.id}/itinerary.ics`, 'itinerary.ics');
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="itinerary">
      <h2 id="itinerary">{t('delegations.itinerary')}</h2>
      <p className="muted">{t('delegations.itineraryZone', { zone: VIEWER_ZONE })}</p>
      {delegation.itinerary.length === 0 ? (
        <p className="muted">{t('delegations.noItinerary')}</p>
      ) : (
        <ol className="plain itinerary">
          {delegation.itinerary.map((item) => (
            <li key={item.id}>
              <time dateTime={item.startsAt}>
                {dateTime(item.startsAt)}–{time(item.endsAt)}
              </time>
              <div>
                <span className="badge">{t(`itinerary.kind.${item.kind}` as MessageKey)}</span>{' '}
                <strong>{item.title}</strong>
              </div>
              {item.location && <div>{item.location}</div>}
              {local && (
                <div className="muted">
                  {t('delegations.localTime', {
                    city: delegation.city,
                    start: time(item.startsAt, delegation.timezone),
                    end: time(item.endsAt, delegation.timezone),
                    zone: delegation.timezone,
                  })}
                </div>
              )}
              {organiser && (
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy === item.id}
                  onClick={() => void remove(item)}
                >
                  {busy === item.id
                    ? t('common.saving')
                    : t('delegations.removeItem', { title: item.title })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <a
        href={`/api/delegations/${delegation.id}/itinerary.ics`}
        onClick={(event) => {
          event.preventDefault();
          void calendar();
        }}
      >
        {t('delegations.downloadItinerary')}
      </a>
      {error !== null && <ErrorBox error={error} />}
      {organiser && <ItineraryItemForm delegation={delegation} onAdded={onChange} />}
    </section>
  );
}

const WITHDRAWABLE = new Set(['pending', 'accepted', 'waitlisted']);

/** A firm's side: apply with a verified company, see the application, withdraw it. */
function Apply({
  delegation,
  companies,
  onChange,
}: {
  delegation: DelegationDetail;
  companies: Membership[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mine = new Map(
    delegation.applications.map((application) => [application.companyId, application]),
  );
  const accepted = delegation.applications.filter(
    (application) => application.status === 'accepted',
  );

  const act = async (companyId: string, action: () => Promise<unknown>) => {
    setBusy(companyId);
    setError(null);
    try {
      await action();
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="applications">
      <h2 id="applications">{t('applications.yours')}</h2>
      {companies.length === 0 && (
        <p className="notice">
          {t('session.needCompany')} <Link to="/company">{t('company.register')}</Link>
        </p>
      )}
      <ul className="plain">
        {companies.map((company) => {
          const application = mine.get(company.companyId);
          return (
            <li key={company.companyId} className="application">
              <strong>{company.name}</strong>{' '}
              {application ? (
                <>
                  <span className={`badge ${application.status}`}>
                    {t(`applications.status.${application.status}` as MessageKey)}
                  </span>
                  <div className="muted">
                    {t(`applications.explain.${application.status}` as MessageKey)}
                  </div>
                  {WITHDRAWABLE.has(application.status) && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy === company.companyId}
                      onClick={() =>
                        void act(company.companyId, () =>
                          api(
                            'PATCH',
                            `/delegations/${delegation.id}/applications/${application.id}`,
                            { status: 'withdrawn' },
                          ),
                        )
                      }
                    >
                      {busy === company.companyId ? t('common.saving') : t('applications.withdraw')}
                    </button>
                  )}
                </>
              ) : company.status === 'verified' ? (
                <>
                  {delegation.seatsLeft === 0 && (
                    <div className="muted">{t('applications.fullHint')}</div>
                  )}
                  <button
                    type="button"
                    disabled={busy === company.companyId}
                    onClick={() =>
                      void act(company.companyId, () =>
                        api('POST', `/delegations/${delegation.id}/applications`, {
                          companyId: company.companyId,
                        }),
                      )
                    }
                  >
                    {busy === company.companyId
                      ? t('common.saving')
                      : t('applications.apply', { name: company.name })}
                  </button>
                </>
              ) : (
                <div className="muted">
                  {t('session.needVerified', {
                    name: company.name,
                    status: t(`company.status.${company.status}` as MessageKey),
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {error !== null && <ErrorBox error={error} />}
      <h3>{t('applications.taking')}</h3>
      {accepted.length === 0 ? (
        <p className="muted">{t('applications.noneAccepted')}</p>
      ) : (
        <ul className="plain">
          {accepted.map((application) => (
            <li key={application.id}>
              {application.companyName} ({application.companyCountry})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Decision = 'accepted' | 'waitlisted' | 'rejected';
const DECISIONS: Decision[] = ['accepted', 'waitlisted', 'rejected'];
const DECISION_LABEL: Record<Decision, MessageKey> = {
  accepted: 'applications.accept',
  waitlisted: 'applications.waitlist',
  rejected: 'applications.reject',
};

/** The organisers' side: every application, accepted, waitlisted or rejected here. */
function Decisions({
  delegation,
  onChange,
}: {
  delegation: DelegationDetail;
  onChange: () => void;
}) {
  const { t, dateTime } = useI18n();
  const [error, setError] = useState<{ applicationId: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const decide = async (application: WireApplication, status: Decision) => {
    setBusy(application.id);
    setError(null);
    try {
      await api('PATCH', `/delegations/${delegation.id}/applications/${application.id}`, {
        status,
      });
      onChange();
    } catch (caught) {
      setError({ applicationId: application.id, error: caught });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="applications">
      <h2 id="applications">{t('applications.title')}</h2>
      <p className="muted">
        {t('applications.counts', {
          total: delegation.applications.length,
          accepted: delegation.acceptedCount,
          capacity: delegation.capacity,
          waitlisted: delegation.waitlistedCount,
        })}
      </p>
      {delegation.applications.length === 0 ? (
        <p className="muted">{t('applications.none')}</p>
      ) : (
        <ul className="plain">
          {delegation.applications.map((application) => (
            <li key={application.id} className="application">
              <strong>{application.companyName}</strong> ({application.companyCountry}){' '}
              <span className={`badge ${application.status}`}>
                {t(`applications.status.${application.status}` as MessageKey)}
              </span>
              <div className="muted">
                {t('applications.applied', { time: dateTime(application.appliedAt) })}
              </div>
              {application.status !== 'withdrawn' && (
                <div className="actions">
                  {DECISIONS.filter((status) => status !== application.status).map((status) => (
                    <button
                      key={status}
                      type="button"
                      className={status === 'accepted' ? undefined : 'secondary'}
                      disabled={busy === application.id}
                      aria-label={`${t(DECISION_LABEL[status])}: ${application.companyName}`}
                      onClick={() => void decide(application, status)}
                    >
                      {t(DECISION_LABEL[status])}
                    </button>
                  ))}
                </div>
              )}
              {error?.applicationId === application.id && <ErrorBox error={error.error} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
