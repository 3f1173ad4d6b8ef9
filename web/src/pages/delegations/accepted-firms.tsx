import { useI18n } from '../../i18n';
import type { DelegationDetail } from './types';

/** The firms accepted on the delegation so far. */
export function AcceptedFirms({ delegation }: { delegation: DelegationDetail }) {
  const { t } = useI18n();
  const accepted = delegation.applications.filter(
    (application) => application.status === 'accepted',
  );
  return (
    <>
      <h3>{t('applications.taking')}</h3>
      {accepted.length === 0 ? (
        <p className="muted">{t('applications.noneAccepted')}</p>
      ) : (
        <ul className="plain">
          {accepted.map((application) => (
            <li key={application.id}>
              {application.companyName} ({application.companyCountry})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
