import { useState } from 'react';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { CompanyForm } from './company-form';
import { YourCompanies } from './your-companies';

/** The companies the user speaks for, and the form to register one. */
export function CompanyPage({
  companies,
  onRegistered,
}: {
  companies: Membership[];
  onRegistered: () => void;
}) {
  const { t } = useI18n();
  const [registered, setRegistered] = useState<string | null>(null);
  return (
    <main>
      <h1>{t('nav.company')}</h1>
      {registered && (
        <p className="notice" role="status">
          {t('company.registered', { name: registered })}
        </p>
      )}
      <YourCompanies companies={companies} />
      {companies.length === 0 && (
        <CompanyForm
          onRegistered={(company) => {
            setRegistered(company.name);
            onRegistered();
          }}
        />
      )}
    </main>
  );
}
