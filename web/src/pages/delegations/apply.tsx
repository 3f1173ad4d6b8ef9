import { useState } from 'react';
import { Link } from 'react-router';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { AcceptedFirms } from './accepted-firms';
import { CompanyApplication } from './company-application';
import type { DelegationDetail } from './types';

/** A firm's side: apply with a verified company, see the application, withdraw it. */
export function Apply({
  delegation,
  companies,
  onChange,
}: {
  delegation: DelegationDetail;
  companies: Membership[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mine = new Map(
    delegation.applications.map((application) => [application.companyId, application]),
  );

  const act = async (companyId: string, action: () => Promise<unknown>) => {
    setBusy(companyId);
    setError(null);
    try {
      await action();
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="applications">
      <h2 id="applications">{t('applications.yours')}</h2>
      {companies.length === 0 && (
        <p className="notice">
          {t('session.needCompany')} <Link to="/company">{t('company.register')}</Link>
        </p>
      )}
      <ul className="plain">
        {companies.map((company) => (
          <CompanyApplication
            key={company.companyId}
            delegation={delegation}
            company={company}
            application={mine.get(company.companyId)}
            busy={busy === company.companyId}
            onAct={(action) => void act(company.companyId, action)}
          />
        ))}
      </ul>
      {error !== null && <ErrorBox error={error} />}
      <AcceptedFirms delegation={delegation} />
    </section>
  );
}
