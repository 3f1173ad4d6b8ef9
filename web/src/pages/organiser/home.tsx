import { api, type Page } from '../../api';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { Loaded, useLoad } from '../../ui';
import type { CompanyProfile, SessionSettings } from './types';

/** Where organisers start: every session (drafts too), the verification queue, imports. */
export function OrganiserHome() {
  const { t, dateTime } = useI18n();
  const [sessions, reload] = useLoad(
    () => api<Page<SessionSettings>>('GET', '/sessions?pageSize=100'),
    [],
  );
  const [pending, reloadPending] = useLoad(
    () => api<Page<CompanyProfile>>('GET', '/companies?status=pending&pageSize=1'),
    [],
  );
  return (
    <main>
      <h1>{t('org.home.title')}</h1>
      <nav className="actions" aria-label={t('org.home.tasks')}>
        <Link to="/organise/sessions/new" className="button">
          {t('org.home.newSession')}
        </Link>
        <Link to="/organise/companies">
          <Loaded load={pending} reload={reloadPending}>
            {(page) => t('org.home.queue', { count: page.total })}
          </Loaded>
        </Link>
        <Link to="/organise/import">{t('org.import.title')}</Link>
      </nav>
      <h2>{t('sessions.title')}</h2>
      <Loaded load={sessions} reload={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('sessions.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((session) => (
                <li key={session.id} className="card">
                  <h3>
                    <Link to={`/organise/sessions/${session.id}`}>{session.title}</Link>
                  </h3>
                  <div>
                    <span className={`badge ${session.status}`}>
                      {t(`sessions.status.${session.status}` as MessageKey)}
                    </span>{' '}
                    <span className="badge">
                      {t(`sessions.mode.${session.mode}` as MessageKey)}
                    </span>
                  </div>
                  <p className="muted">
                    {t('session.when', {
                      start: dateTime(session.startsAt),
                      end: dateTime(session.endsAt),
                      zone: VIEWER_ZONE,
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </main>
  );
}
