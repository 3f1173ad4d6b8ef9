import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { SeminarFacts } from './seminar-facts';
import { isOrganiserRole, SEMINAR_REFETCH_MS } from './types';

type When = 'upcoming' | 'past';

/** Upcoming seminars and workshops, soonest first; organisers also see past ones and add one. */
export function SeminarsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const organiser = isOrganiserRole(user);
  const [when, setWhen] = useState<When>('upcoming');
  const seminars = useQuery({
    queryKey: keys.seminarList(`pageSize=100&when=${when}`),
    queryFn: () =>
      call(client.GET('/api/seminars', { params: { query: { pageSize: 100, when } } })),
    refetchInterval: SEMINAR_REFETCH_MS,
  });
  return (
    <main>
      <h1>{t('seminars.title')}</h1>
      <p className="muted">{t('seminars.intro')}</p>
      {organiser && (
        <div className="toolbar">
          <label htmlFor="seminars-when">{t('seminars.show')}</label>
          <select
            id="seminars-when"
            value={when}
            onChange={(event) => setWhen(event.target.value as When)}
          >
            <option value="upcoming">{t('seminars.upcoming')}</option>
            <option value="past">{t('seminars.past')}</option>
          </select>
          <Link to="/organise/seminars/new" className="button">
            {t('seminars.new')}
          </Link>
        </div>
      )}
      <QueryLoaded query={seminars}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('seminars.none')}</p>
          ) : (
            <ul className="cards">
              {page.items.map((seminar) => (
                <li key={seminar.id} className="card seminar">
                  <h2>
                    <Link to={`/seminars/${seminar.id}`}>{seminar.title}</Link>
                  </h2>
                  <SeminarFacts seminar={seminar} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryLoaded>
    </main>
  );
}
