import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { useResendVerification } from './account-api';

/** Whether the address is verified, and a button that sends the link again while it is not. */
export function VerificationStatus({ email, verified }: { email: string; verified: boolean }) {
  const { t } = useI18n();
  const resend = useResendVerification();
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t('account.verify.title')}</h2>
      <p>
        {verified
          ? t('account.verify.verified', { email })
          : t('account.verify.unverified', { email })}
      </p>
      {!verified && (
        <>
          <button type="button" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {t('account.verify.resend')}
          </button>
          {resend.isSuccess && (
            <p className="notice ok" role="status">
              {t('account.verify.resent', { email })}
            </p>
          )}
          {resend.isError && <ErrorBox error={resend.error} />}
        </>
      )}
    </section>
  );
}
