import { useState } from 'react';
import type { User } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { useResendVerification } from './account-api';

const DISMISSED_KEY = 'tradematch.verifyBannerDismissed';

/**
 * A reminder to verify the address, on every page until it is verified or dismissed (for the
 * browser tab's life: it comes back in a new one). Nothing waits on verification.
 */
export function VerifyBanner({ user }: { user: User }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED_KEY) === '1');
  const resend = useResendVerification();
  if (user.emailVerified || dismissed) return null;
  const dismiss = () => {
    sessionStorage.setItem(DISMISSED_KEY, '1');
    setDismissed(true);
  };
  return (
    <div className="banner verify-banner" role="region" aria-label={t('account.verify.title')}>
      <span>{t('account.banner.text', { email: user.email })}</span>{' '}
      {resend.isSuccess ? (
        <span role="status">{t('account.verify.resent', { email: user.email })}</span>
      ) : (
        <button
          type="button"
          className="link"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {t('account.verify.resend')}
        </button>
      )}{' '}
      <button type="button" className="link" onClick={dismiss}>
        {t('account.banner.dismiss')}
      </button>
      {resend.isError && <ErrorBox error={resend.error} />}
    </div>
  );
}
