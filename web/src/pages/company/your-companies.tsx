import { Link } from 'react-router';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { RejectionReason } from './rejection-reason';

/** The companies the user speaks for: status (why, if rejected), and links to the sessions and to edit (owners). */
export function YourCompanies({ companies }: { companies: Membership[] }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <section aria-labelledby="yours">
      <h2 id="yours">{t('company.yours')}</h2>
      {companies.length === 0 ? (
        <p>{t('company.none')}</p>
      ) : (
        <ul className="cards">
          {companies.map((company) => (
            <li key={company.companyId} className="card">
              <strong>{company.name}</strong>{' '}
              <span className="muted">{names.country(company.country)}</span>
              <div className={`badge ${company.status}`}>
                {t(`company.status.${company.status}`)}
              </div>
              {company.status === 'rejected' && <RejectionReason companyId={company.companyId} />}
              <div className="actions">
                {company.status === 'verified' && <Link to="/sessions">{t('nav.sessions')} →</Link>}
                <Link to={`/companies/${company.companyId}/team`}>
                  {t('team.linkNamed', { name: company.name })}
                </Link>
                {/* Every member edits the company (issue 14); managing the team is the owners'. */}
                <Link to={`/companies/${company.companyId}/edit`}>
                  {t('companyEdit.link', { name: company.name })}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
