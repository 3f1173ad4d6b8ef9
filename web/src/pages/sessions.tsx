import { useQuery } from '@tanstack/react-query';
import { type Session } from '../api';
import { call } from '../api/call';
import { client } from '../api/client';
import { useI18n, VIEWER_ZONE } from '../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../queries';

/** A session in a list: its title linking to `to`, status, mode and window. */
export function SessionCard({ session, to }: { session: Session; to: string }) {
  const { t, dateTime } = useI18n();
  return (
    <li className="card">
      <h2>
        <Link to={to}>{session.title}</Link>
      </h2>
      <div>
        <span className={`badge ${session.status}`}>{t(`sessions.status.${session.status}`)}</span>{' '}
        <span className="badge">{t(`sessions.mode.${session.mode}`)}</span>
      </div>
      <p className="muted">
        {t('session.when', {
          start: dateTime(session.startsAt),
          end: dateTime(session.endsAt),
          zone: VIEWER_ZONE,
        })}
      </p>
    </li>
  );
}

export function SessionsPage() {
  const { t } = useI18n();
  const sessions = useQuery({
    queryKey: keys.sessionList('pageSize=100'),
    queryFn: () => call(client.GET('/api/sessions', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <main>
      <h1>{t('sessions.title')}</h1>
      <QueryLoaded query={sessions}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('sessions.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((session) => (
                <SessionCard key={session.id} session={session} to={`/sessions/${session.id}`} />
              ))}
            </ul>
          )
        }
      </QueryLoaded>
    </main>
  );
}
