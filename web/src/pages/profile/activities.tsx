import { Link } from 'react-router';
import type { CompanyActivities } from '../../api';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';

/** The sessions and delegations the firm takes part in, each a link to its page. */
export function Activities({ activities }: { activities: CompanyActivities }) {
  const { t, dateTime, date } = useI18n();
  const names = useNames();
  return (
    <>
      <section aria-labelledby="profile-sessions">
        <h2 id="profile-sessions">{t('profile.sessions')}</h2>
        {activities.sessions.length === 0 ? (
          <p className="muted">{t('profile.noSessions')}</p>
        ) : (
          <ul className="plain">
            {activities.sessions.map((session) => (
              <li key={session.id}>
                <Link to={`/sessions/${session.id}`}>{session.title}</Link>{' '}
                <span className={`badge ${session.status}`}>
                  {t(`sessions.status.${session.status}`)}
                </span>
                <div className="muted">
                  {t(`sessions.mode.${session.mode}`)} ·{' '}
                  <time dateTime={session.startsAt}>{dateTime(session.startsAt)}</time>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="profile-delegations">
        <h2 id="profile-delegations">{t('profile.delegations')}</h2>
        {activities.delegations.length === 0 ? (
          <p className="muted">{t('profile.noDelegations')}</p>
        ) : (
          <ul className="plain">
            {activities.delegations.map((delegation) => (
              <li key={delegation.id}>
                <Link to={`/delegations/${delegation.id}`}>{delegation.title}</Link>
                {delegation.status !== 'accepted' && (
                  <>
                    {' '}
                    <span className={`badge ${delegation.status}`}>
                      {t(`applications.status.${delegation.status}`)}
                    </span>
                  </>
                )}
                <div className="muted">
                  {names.country(delegation.originCountry)} →{' '}
                  {names.country(delegation.destinationCountry)} · {date(delegation.startsOn)}–
                  {date(delegation.endsOn)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
