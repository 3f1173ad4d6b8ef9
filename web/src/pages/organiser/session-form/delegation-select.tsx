import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { Field } from '../../../ui';

/** The delegation the session is for, if any, among the first hundred delegations. */
export function DelegationSelect({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: string[] | undefined;
  onChange: (delegationId: string) => void;
}) {
  const { t } = useI18n();
  const delegations = useQuery({
    queryKey: keys.delegationList('pageSize=100'),
    queryFn: () => call(client.GET('/api/delegations', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <QueryLoaded query={delegations}>
      {(page) => (
        <Field id="delegationId" label={t('org.form.delegation')} errors={errors}>
          <select
            id="delegationId"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">{t('org.form.noDelegation')}</option>
            {page.items.map((delegation) => (
              <option key={delegation.id} value={delegation.id}>
                {delegation.title}
              </option>
            ))}
          </select>
        </Field>
      )}
    </QueryLoaded>
  );
}
