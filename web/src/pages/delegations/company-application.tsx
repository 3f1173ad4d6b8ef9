import { api, type Membership } from '../../api';
import { useI18n } from '../../i18n';
import type { DelegationDetail } from './types';

const WITHDRAWABLE = new Set(['pending', 'accepted', 'waitlisted']);

type Application = DelegationDetail['applications'][number];

/** One of the user's companies: its application's status and withdrawal, or the apply button. */
export function CompanyApplication({
  delegation,
  company,
  application,
  busy,
  onAct,
}: {
  delegation: DelegationDetail;
  company: Membership;
  application: Application | undefined;
  busy: boolean;
  onAct: (action: () => Promise<unknown>) => void;
}) {
  const { t } = useI18n();
  return (
    <li className="application">
      <strong>{company.name}</strong>{' '}
      {application ? (
        <>
          <span className={`badge ${application.status}`}>
            {t(`applications.status.${application.status}`)}
          </span>
          <div className="muted">{t(`applications.explain.${application.status}`)}</div>
          {WITHDRAWABLE.has(application.status) && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                onAct(() =>
                  api('PATCH', `/delegations/${delegation.id}/applications/${application.id}`, {
                    status: 'withdrawn',
                  }),
                )
              }
            >
              {busy ? t('common.saving') : t('applications.withdraw')}
            </button>
          )}
        </>
      ) : company.status === 'verified' ? (
        <>
          {delegation.seatsLeft === 0 && <div className="muted">{t('applications.fullHint')}</div>}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              onAct(() =>
                api('POST', `/delegations/${delegation.id}/applications`, {
                  companyId: company.companyId,
                }),
              )
            }
          >
            {busy ? t('common.saving') : t('applications.apply', { name: company.name })}
          </button>
        </>
      ) : (
        <div className="muted">
          {t('session.needVerified', {
            name: company.name,
            status: t(`company.status.${company.status}`),
          })}
        </div>
      )}
    </li>
  );
}
