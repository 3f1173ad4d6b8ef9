import { useMutation } from '@tanstack/react-query';
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
  const act = useMutation({
    mutationFn: ({ action }: { companyId: string; action: () => Promise<unknown> }) => action(),
    onSuccess: onChange,
  });
  const busy = act.isPending ? act.variables.companyId : null;
  const mine = new Map(
    delegation.applications.map((application) => [application.companyId, application]),
  );

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
            onAct={(action) => act.mutate({ companyId: company.companyId, action })}
          />
        ))}
      </ul>
      {act.isError && <ErrorBox error={act.error} />}
      <AcceptedFirms delegation={delegation} />
    </section>
  );
}
