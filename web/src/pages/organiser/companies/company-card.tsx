import { Link } from 'react-router';
import { ConfirmButton } from '../../../confirm';
import { useI18n, type MessageKey } from '../../../i18n';
import { useNames } from '../../../names';
import { ErrorBox } from '../../../ui';
import type { CompanyProfile } from '../types';
import { useVerification } from './use-companies';

/** A company with everything it registered; a pending one with its verify and reject buttons. */
export function CompanyCard({
  company,
  onDecided,
}: {
  company: CompanyProfile;
  onDecided: (company: CompanyProfile) => void;
}) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  const decision = useVerification(company, onDecided);
  const busy = decision.isPending;
  const headingId = `company-${company.id}`;
  const details: [MessageKey, string][] = [
    ['company.sectors', names.taxonomy(company.sectors)],
    ['company.partnerTypes', names.taxonomy(company.partnerTypes)],
    ['org.companies.offers', company.offers.join(', ')],
    ['org.companies.seeks', company.seeks.join(', ')],
    ['org.companies.markets', names.countries(company.targetMarkets)],
    ['org.companies.languages', names.languages(company.languages)],
    ['company.employees', company.employees],
    ['company.timezone', company.timezone],
    ['org.companies.registered', dateTime(company.createdAt)],
  ];
  return (
    <li className="card company-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{company.name}</h3>
      <div>
        <span className={`badge ${company.status}`}>
          {t(`org.companies.status.${company.status}`)}
        </span>{' '}
        <span className="muted">
          {company.city}, {names.country(company.country)}
        </span>
      </div>
      {company.website && (
        <a href={company.website} rel="noreferrer noopener" target="_blank">
          {company.website}
        </a>
      )}
      {company.description && <p>{company.description}</p>}
      <dl className="facts">
        {details
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {/* The team, with whether each user verified their address (issue 14). */}
      <Link to={`/companies/${company.id}/team`}>
        {t('team.linkNamed', { name: company.name })}
      </Link>
      {company.status === 'pending' && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            aria-label={t('org.companies.verifyNamed', { name: company.name })}
            onClick={() => decision.mutate({ status: 'verified' })}
          >
            {t('org.companies.verify')}
          </button>
          <ConfirmButton
            label={t('org.companies.reject')}
            accessibleLabel={t('org.companies.rejectNamed', { name: company.name })}
            title={t('org.companies.rejectTitle', { name: company.name })}
            question={<p>{t('org.companies.rejectQuestion', { name: company.name })}</p>}
            reason={{ label: t('org.companies.rejectReason'), required: true, maxLength: 1000 }}
            confirmLabel={t('org.companies.rejectConfirm')}
            busy={busy}
            onConfirm={(reason) => decision.mutate({ status: 'rejected', reason })}
          />
        </div>
      )}
      {decision.isError && <ErrorBox error={decision.error} />}
    </li>
  );
}
