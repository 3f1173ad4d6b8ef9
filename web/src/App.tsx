import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { AccountContext, clearAccount, useAccountQuery, useReloadAccount } from './account';
import { SIGNED_OUT, storeToken, type User } from './api';
import { I18nContext, initialLanguage, makeI18n, saveLanguage, type Language } from './i18n';
import { LanguageChoice } from './language-choice';
import { useLiveSync } from './live-sync';
import { Bell } from './notifications/bell';
import { MessagesNavLink } from './pages/messages';
import { ShellContext } from './pages/account/account-api';
import { VerifyBanner } from './pages/account/verify-banner';
import { AuthPage } from './pages/auth';
import { keys } from './queries';
import { ErrorBox, Loading } from './ui';

/** Pages that open signed out too: the forgotten password and the links of account emails. */
const PUBLIC_PATHS = [
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/invitations/accept',
  '/session-invitations/accept',
];

/** The app's shell: the header, the language, the account; signed out, any path signs in. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const i18n = useMemo(() => makeI18n(language), [language]);
  const { t } = i18n;
  const path = useLocation().pathname;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const account = useAccountQuery();
  const reload = useReloadAccount();
  // Every page follows the live connection: what others change shows without a reload.
  useLiveSync(account.data?.user.id);

  useEffect(() => saveLanguage(language), [language]);
  useEffect(() => {
    // The API refused the token: back to sign-in, with nothing of this account left.
    const signedOut = () => clearAccount(queryClient);
    window.addEventListener(SIGNED_OUT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT, signedOut);
  }, [queryClient]);

  const signedIn = (user: User, next?: string) => {
    const home = user.role === 'member' ? '/sessions' : '/organise';
    // Loading again from scratch: the page shows loading until the account is there.
    void queryClient
      .resetQueries({ queryKey: keys.account })
      .then(() => navigate(next ?? (path === '/signup' ? '/company' : home)));
  };
  const shell = { signedIn, reload, setLanguage };
  const signOut = () => {
    storeToken(null);
    clearAccount(queryClient);
    void navigate('/signin');
  };
  const me = account.data;

  let page;
  if (account.isError) page = <ErrorBox error={account.error} onRetry={reload} />;
  else if (me === undefined) page = <Loading />;
  else if (me === null && PUBLIC_PATHS.includes(path)) page = <Outlet />;
  else if (me === null)
    page = (
      <AuthPage key={path} mode={path === '/signup' ? 'signup' : 'signin'} onSignedIn={signedIn} />
    );
  else
    page = (
      <AccountContext.Provider value={{ me, reload }}>
        <VerifyBanner user={me.user} />
        <Outlet />
      </AccountContext.Provider>
    );

  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label="main">
          {me && (
            <>
              {me.user.role !== 'member' && <Link to="/organise">{t('nav.organise')}</Link>}
              {me.user.role !== 'member' && (
                <>
                  <Link to="/organise/partners">{t('partners.nav')}</Link>
                  <Link to="/organise/programme">{t('programme.nav')}</Link>
                </>
              )}
              {me.user.role === 'admin' && <Link to="/admin/users">{t('nav.admin')}</Link>}
              <Link to="/sessions">{t('nav.sessions')}</Link>
              <Link to="/delegations">{t('nav.delegations')}</Link>
              <Link to="/seminars">{t('seminars.nav')}</Link>
              <Link to="/directory">{t('nav.directory')}</Link>
              <Link to="/opportunities">{t('nav.opportunities')}</Link>
              <MessagesNavLink companies={me.companies} />
              <Link to="/company">{t('nav.company')}</Link>
              <Link to="/settings">{t('nav.settings')}</Link>
              <Bell />
              <Link to="/account" className="who">
                {me.user.name}
              </Link>
              <button type="button" className="link" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          )}
          <LanguageChoice language={language} onChange={setLanguage} />
        </nav>
      </header>
      <ShellContext.Provider value={shell}>
        <div id="content">{page}</div>
      </ShellContext.Provider>
      <ScrollRestoration />
    </I18nContext.Provider>
  );
}
