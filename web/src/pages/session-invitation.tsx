import { useMutation } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AccountContext } from '../account';
import { call } from '../api/call';
import { client } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui';
import { useShell } from './account/account-api';
import { AuthPage } from './auth';

/**
 * `/session-invitations/accept?token=`: the page an organiser's invitation to a session opens.
 * Signed out, the firm signs up (or in) here first and comes back; signed in, one button accepts:
 * a verified company of theirs joins at once, else the page leads on to registering the company,
 * which joins the session once the organisers verify it.
 */
export function SessionInvitationPage() {
  const { t } = useI18n();
  const token = useSearchParams()[0].get('token') ?? '';
  const location = useLocation();
  const account = useContext(AccountContext);
  const { signedIn } = useShell();
  const [mode, setMode] = useState<'signin' | 'signup'>('signup');
  const accept = useMutation({
    mutationFn: () => call(client.POST('/api/session-invitations/accept', { body: { token } })),
    onSuccess: () => account?.reload(),
  });

  if (!token) {
    return (
      <main className="narrow">
        <h1>{t('sessionInvite.title')}</h1>
        <p>{t('team.accept.noToken')}</p>
      </main>
    );
  }

  if (!account) {
    return (
      <>
        <main className="narrow">
          <h1>{t('sessionInvite.title')}</h1>
          <p>{t('sessionInvite.intro')}</p>
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

  const done = accept.data;
  return (
    <main className="narrow">
      <h1>{t('sessionInvite.title')}</h1>
      {done ? (
        done.companyId ? (
          <>
            <p className="notice ok" role="status">
              {t('sessionInvite.joined', { title: done.sessionTitle })}
            </p>
            <Link to={`/sessions/${done.sessionId}`}>{t('sessionInvite.open')}</Link>
          </>
        ) : (
          <>
            <p className="notice ok" role="status">
              {t('sessionInvite.registerNext', { title: done.sessionTitle })}
            </p>
            <Link to="/company">{t('sessionInvite.register')}</Link>
          </>
        )
      ) : (
        <>
          <p>{t('sessionInvite.intro')}</p>
          {accept.isError && <ErrorBox error={accept.error} />}
          <button type="button" disabled={accept.isPending} onClick={() => accept.mutate()}>
            {t('sessionInvite.submit')}
          </button>
        </>
      )}
    </main>
  );
}
