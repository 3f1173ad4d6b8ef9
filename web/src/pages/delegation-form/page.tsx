import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import type { DelegationDetail } from '../delegations';
import { DelegationForm } from './delegation-form';

/** Organisers: create a delegation (`id` absent) or edit one. */
export function DelegationFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const delegation = useQuery({
    queryKey: keys.delegation(id ?? ''),
    queryFn: () =>
      call(client.GET('/api/delegations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
  const page = (current?: DelegationDetail) => (
    <>
      <h1>
        {current ? t('delegationForm.editTitle', { title: current.title }) : t('delegations.new')}
      </h1>
      <DelegationForm delegation={current} />
    </>
  );
  return (
    <main>
      <Link to={id ? `/delegations/${id}` : '/delegations'}>
        ← {id ? t('common.back') : t('delegations.title')}
      </Link>
      {id ? <QueryLoaded query={delegation}>{page}</QueryLoaded> : page()}
    </main>
  );
}
