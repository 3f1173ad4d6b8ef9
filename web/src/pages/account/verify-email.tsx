import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { ErrorBox, Loading } from '../../ui';
import { useConfirmEmail, useShell } from './account-api';

/**
 * `/verify-email?token=` (and `&change=1` for a new address): the page the emailed link opens.
 * It confirms at once, signed in or not (the link is the proof).
 */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const change = params.get('change') === '1';
  const confirm = useConfirmEmail();
  const { reload } = useShell();
  const started = useRef(false);

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (!token || started.current) return;
    started.current = true;
    confirm.mutate({ token, change }, { onSuccess: () => reload() });
  }, [token, change, confirm, reload]);

  let content;
  if (!token) content = <p>{t('account.confirm.noToken')}</p>;
  else if (confirm.isSuccess) {
    content = (
      <>
        <p className="notice ok" role="status">
          {t(change ? 'account.confirm.changed' : 'account.confirm.verified', {
            email: confirm.data.email,
          })}
        </p>
        <Link to="/">{t('account.confirm.continue')}</Link>
      </>
    );
  } else if (confirm.isError) {
    content = (
      <>
        <ErrorBox error={confirm.error} />
        <Link to="/account">{t('nav.account')}</Link>
      </>
    );
  } else content = <Loading />;

  return (
    <main className="narrow">
      <h1>{t('account.confirm.title')}</h1>
      {content}
    </main>
  );
}
