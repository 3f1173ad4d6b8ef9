import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../../queries';
import { Field } from '../../ui';
import { SessionCard } from '../sessions';
import { Pager } from './pager';
import { SESSION_STATUSES, type CompanyProfile, type SessionSettings } from './types';

const PAGE_SIZE = 24;

/** Where organisers start: every session (drafts too), the verification queue, imports. */
export function OrganiserHome() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const params = `pageSize=${PAGE_SIZE}&page=${page}${status ? `&status=${status}` : ''}`;
  const sessions = useQuery({
    queryKey: keys.sessionList(params),
    queryFn: () => api<Page<SessionSettings>>('GET', `/sessions?${params}`),
  });
  const pending = useQuery({
    queryKey: keys.pendingCompanies,
    queryFn: () => api<Page<CompanyProfile>>('GET', '/companies?status=pending&pageSize=1'),
  });
  return (
    <main>
      <h1>{t('org.home.title')}</h1>
      <nav className="actions" aria-label={t('org.home.tasks')}>
        <Link to="/organise/sessions/new" className="button">
          {t('org.home.newSession')}
        </Link>
        <Link to="/organise/companies">
          {pending.isSuccess
            ? t('org.home.queue', { count: pending.data.total })
            : t('org.companies.title')}
        </Link>
        <Link to="/organise/import">{t('org.import.title')}</Link>
      </nav>
      <h2>{t('sessions.title')}</h2>
      <div className="row filters">
        <Field id="session-status" label={t('org.companies.status')}>
          <select
            id="session-status"
            value={status}
            onChange={(event) => {
              setPage(1);
              setStatus(event.target.value);
            }}
          >
            <option value="">{t('org.companies.any')}</option>
            {SESSION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`sessions.status.${value}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <QueryLoaded query={sessions}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('sessions.none')}</p>
          ) : (
            <>
              <ul className="cards" aria-label={t('sessions.title')}>
                {list.items.map((session) => (
                  <SessionCard
                    key={session.id}
                    session={session}
                    to={`/organise/sessions/${session.id}`}
                  />
                ))}
              </ul>
              <Pager {...list} onPage={setPage} />
            </>
          )
        }
      </QueryLoaded>
    </main>
  );
}
