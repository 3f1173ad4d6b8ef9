import { useContext, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AccountContext } from '../../account';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { AuthPage } from '../auth';
import { useShell } from '../account/account-api';
import { useAcceptInvitation } from './team-api';

/**
 * `/invitations/accept?token=`: the page the invitation email opens. Signed out, the colleague
 * signs in or signs up first, here, and comes back to it; signed in, one button joins the team.
 */
export function InvitationPage() {
  const { t } = useI18n();
  const token = useSearchParams()[0].get('token') ?? '';
  const location = useLocation();
  const account = useContext(AccountContext);
  const { signedIn } = useShell();
  const [mode, setMode] = useState<'signin' | 'signup'>('signup');
  const accept = useAcceptInvitation();

  if (!token) {
    return (
      <main className="narrow">
        <h1>{t('team.accept.title')}</h1>
        <p>{t('team.accept.noToken')}</p>
      </main>
    );
  }

  if (!account) {
    return (
      <>
        <main className="narrow">
          <h1>{t('team.accept.title')}</h1>
          <p>{t('team.accept.intro')}</p>
          <p>{t('team.accept.signInFirst')}</p>
          <div className="actions" role="group">
            <button
              type="button"
              aria-pressed={mode === 'signup'}
              onClick={() => setMode('signup')}
            >
              {t('team.accept.newAccount')}
            </button>
            <button
              type="button"
              aria-pressed={mode === 'signin'}
              onClick={() => setMode('signin')}
            >
              {t('team.accept.haveAccount')}
            </button>
          </div>
        </main>
        <AuthPage
          key={mode}
          mode={mode}
          embedded
          onSignedIn={(user) => signedIn(user, `${location.pathname}${location.search}`)}
        />
      </>
    );
  }

  return (
    <main className="narrow">
      <h1>{t('team.accept.title')}</h1>
      {accept.isSuccess ? (
        <>
          <p className="notice ok" role="status">
            {t('team.accept.done', { name: accept.data.name })}
          </p>
          <Link to={`/companies/${accept.data.companyId}/team`}>{t('team.accept.open')}</Link>
        </>
      ) : (
        <>
          <p>{t('team.accept.intro')}</p>
          {accept.isError && <ErrorBox error={accept.error} />}
          <button
            type="button"
            disabled={accept.isPending}
            onClick={() => accept.mutate(token, { onSuccess: () => account.reload() })}
          >
            {t('team.accept.submit')}
          </button>
        </>
      )}
    </main>
  );
}
