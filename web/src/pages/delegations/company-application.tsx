import { type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import type { DelegationDetail } from './types';

const WITHDRAWABLE = new Set(['pending', 'accepted', 'waitlisted']);

type Application = DelegationDetail['applications'][number];

/** A country's name in the UI's language (`HK` → Hong Kong, 香港), or its code. */
function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * One of the user's companies: its application's status and withdrawal, or the apply button;
 * none for a company of another country than the delegation's origin, which says why (delegates
 * come from the travelling side: the API answers application.wrong_country).
 */
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
  const { t, language } = useI18n();
  const travels = company.country === delegation.originCountry;
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
            <ConfirmButton
              label={busy ? t('common.saving') : t('applications.withdraw')}
              className="secondary"
              title={t('applications.withdrawTitle', { name: company.name })}
              question={
                <p>
                  {t(
                    application.status === 'accepted'
                      ? 'applications.withdrawAccepted'
                      : 'applications.withdrawQuestion',
                    { name: company.name, title: delegation.title },
                  )}
                </p>
              }
              confirmLabel={t('applications.withdrawConfirm')}
              busy={busy}
              onConfirm={() =>
                onAct(() =>
                  call(
                    client.PATCH('/api/delegations/{id}/applications/{applicationId}', {
                      params: { path: { id: delegation.id, applicationId: application.id } },
                      body: { status: 'withdrawn' },
                    }),
                  ),
                )
              }
            />
          )}
        </>
      ) : !travels ? (
        <div className="muted">
          {t('applications.wrongCountry', {
            name: company.name,
            country: countryName(company.country, language),
            origin: countryName(delegation.originCountry, language),
          })}
        </div>
      ) : company.status === 'verified' ? (
        <>
          {delegation.seatsLeft === 0 && <div className="muted">{t('applications.fullHint')}</div>}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              onAct(() =>
                call(
                  client.POST('/api/delegations/{id}/applications', {
                    params: { path: { id: delegation.id } },
                    body: { companyId: company.companyId },
                  }),
                ),
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
