import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type User } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { DelegationCard } from './delegation-card';
import { isOrganiserRole } from './types';

type When = 'upcoming' | 'past';

/** The delegations, soonest first; organisers may create one. */
export function DelegationsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const [when, setWhen] = useState<When>('upcoming');
  const delegations = useQuery({
    queryKey: keys.delegationList(`pageSize=100&when=${when}`),
    queryFn: () =>
      call(
        client.GET('/api/delegations', {
          params: { query: { pageSize: 100, when } },
        }),
      ),
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
                <DelegationCard key={delegation.id} delegation={delegation} />
              ))}
            </ul>
          )
        }
      </QueryLoaded>
    </main>
  );
}
