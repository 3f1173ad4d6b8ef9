import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { CompanyForm } from './company-form';

/** An owner edits a company's profile: the registration form, filled in, saved with PATCH. */
export function CompanyEditPage({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const company = useQuery({
    queryKey: keys.company(id),
    queryFn: () => call(client.GET('/api/companies/{id}', { params: { path: { id } } })),
  });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <main>
      <Link to="/company">← {t('nav.company')}</Link>
      <QueryLoaded query={company}>
        {(current) => (
          <>
            <h1 id="edit-company">{t('companyEdit.title', { name: current.name })}</h1>
            {saved && (
              <p className="notice ok" role="status">
                {t('companyEdit.saved', { name: saved })}
              </p>
            )}
            <CompanyForm
              key={current.updatedAt}
              company={current}
              onRegistered={(updated) => {
                setSaved(updated.name);
                onSaved();
                void queryClient.invalidateQueries({ queryKey: keys.company(id) });
              }}
            />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
