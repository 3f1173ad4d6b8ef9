import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { type Membership, type User } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { Apply } from './apply';
import { DelegationHeader } from './delegation-header';
import { Decisions } from './decisions';
import { Itinerary } from './itinerary';
import { isOrganiserRole } from './types';

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
  const queryClient = useQueryClient();
  const delegation = useQuery({
    queryKey: keys.delegation(id),
    queryFn: () => call(client.GET('/api/delegations/{id}', { params: { path: { id } } })),
  });
  // After an application, a withdrawal, a decision or an itinerary change.
  const reload = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keys.delegation(id) }),
    [queryClient, id],
  );
  const organiser = isOrganiserRole(user);
  return (
    <main>
      <Link to="/delegations">← {t('delegations.title')}</Link>
      <QueryLoaded query={delegation}>
        {(detail) => (
          <>
            <DelegationHeader delegation={detail} />
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
