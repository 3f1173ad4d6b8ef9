import { useContext, useState, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { AccountContext, type AccountState } from '../account';
import { useI18n } from '../i18n';
import { useShell } from './account/account-api';
import { AuthPage } from './auth';

/**
 * What every emailed invitation link opens through (a colleague to a team, a firm to a session):
 * without a token it says the link is incomplete; signed out, the reader signs up (or in) here
 * and comes back to the same link; signed in, `children` gets the account and the token.
 */
export function InvitationGate({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: (account: AccountState, token: string) => ReactNode;
}) {
  const { t } = useI18n();
  const token = useSearchParams()[0].get('token') ?? '';
  const location = useLocation();
  const account = useContext(AccountContext);
  const { signedIn } = useShell();
  const [mode, setMode] = useState<'signin' | 'signup'>('signup');

  if (!token) {
    return (
      <main className="narrow">
        <h1>{title}</h1>
        <p>{t('team.accept.noToken')}</p>
      </main>
    );
  }
  if (account) return <>{children(account, token)}</>;
  return (
    <>
      <main className="narrow">
        <h1>{title}</h1>
        <p>{intro}</p>
        <p>{t('team.accept.signInFirst')}</p>
        <div className="actions" role="group">
          <button type="button" aria-pressed={mode === 'signup'} onClick={() => setMode('signup')}>
            {t('team.accept.newAccount')}
          </button>
          <button type="button" aria-pressed={mode === 'signin'} onClick={() => setMode('signin')}>
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
