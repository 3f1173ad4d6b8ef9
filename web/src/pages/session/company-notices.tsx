import { Link } from 'react-router';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';

/** Why the user cannot take part yet: no company, or a company not verified. */
export function CompanyNotices({ companies }: { companies: Membership[] }) {
  const { t } = useI18n();
  return (
    <>
      {companies.length === 0 && (
        <p className="notice">
          {t('session.needCompany')} <Link to="/company">{t('company.register')}</Link>
        </p>
      )}
      {companies
        .filter((candidate) => candidate.status !== 'verified')
        .map((candidate) => (
          <p key={candidate.companyId} className="notice">
            {t('session.needVerified', {
              name: candidate.name,
              status: t(`company.status.${candidate.status}`),
            })}
          </p>
        ))}
    </>
  );
}
