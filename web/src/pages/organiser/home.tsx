import { api, type Page } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Loaded, useLoad } from '../../ui';
import { SessionCard } from '../sessions';
import type { CompanyProfile, SessionSettings } from './types';

/** Where organisers start: every session (drafts too), the verification queue, imports. */
export function OrganiserHome() {
  const { t } = useI18n();
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
      <Loaded load={sessions} reload={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('sessions.none')}</p>
          ) : (
            <ul className="cards" aria-label={t('sessions.title')}>
              {page.items.map((session) => (
                <SessionCard
                  key={session.id}
                  session={session}
                  to={`/organise/sessions/${session.id}`}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
    </main>
  );
}
