import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../../queries';
import { Field } from '../../ui';
import { SessionCard } from '../sessions';
import { Pager } from './pager';
import { SESSION_STATUSES, type SessionStatus } from './types';

const PAGE_SIZE = 24;

/** Where organisers start: every session (drafts too), the verification queue, imports. */
export function OrganiserHome() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    pageSize: PAGE_SIZE,
    page,
    ...(status ? { status: status as SessionStatus } : {}),
  };
  const sessions = useQuery({
    queryKey: keys.sessionList(JSON.stringify(query)),
    queryFn: () => call(client.GET('/api/sessions', { params: { query } })),
  });
  const pending = useQuery({
    queryKey: keys.pendingCompanies,
    queryFn: () =>
      call(
        client.GET('/api/companies', {
          params: { query: { status: 'pending', pageSize: 1 } },
        }),
      ),
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
