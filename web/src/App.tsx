import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { AccountContext } from './account';
import { api, ApiError, SIGNED_OUT, storedToken, storeToken, type Me, type User } from './api';
import {
  I18nContext,
  initialLanguage,
  LANGUAGES,
  makeI18n,
  saveLanguage,
  type Language,
} from './i18n';
import { Bell } from './notifications/bell';
import { AuthPage } from './pages/auth';
import { ErrorBox, Loading } from './ui';

type Account = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'out' } | Me;

/** The signed-in account, signed out on a 401, or the error. */
async function fetchAccount(): Promise<Account> {
  try {
    return await api<Me>('GET', '/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { state: 'out' };
    return { state: 'error', error };
  }
}

/** The app's shell: the header, the language, the account; signed out, any path signs in. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const i18n = useMemo(() => makeI18n(language), [language]);
  const { t } = i18n;
  const path = useLocation().pathname;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [account, setAccount] = useState<Account>(() =>
    storedToken() ? { state: 'loading' } : { state: 'out' },
  );

  const loadMe = useCallback(async () => {
    if (!storedToken()) return setAccount({ state: 'out' });
    // A refresh (after registering a company) keeps the page; only the first load shows loading.
    setAccount((previous) => ('user' in previous ? previous : { state: 'loading' }));
    setAccount(await fetchAccount());
  }, []);

  // The first state already says loading (a stored token) or signed out (none).
  useEffect(() => {
    if (storedToken()) void fetchAccount().then(setAccount);
  }, []);
  useEffect(() => saveLanguage(language), [language]);
  useEffect(() => {
    // Nothing loaded for one account is shown to the next.
    const signedOut = () => {
      setAccount({ state: 'out' });
      queryClient.clear();
    };
    window.addEventListener(SIGNED_OUT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT, signedOut);
  }, [queryClient]);

  const signedIn = (user: User) => {
    const home = user.role === 'member' ? '/sessions' : '/organise';
    void loadMe().then(() => navigate(path === '/signup' ? '/company' : home));
  };
  const signOut = () => {
    storeToken(null);
    setAccount({ state: 'out' });
    queryClient.clear();
    void navigate('/signin');
  };

  let page;
  if ('state' in account) {
    if (account.state === 'loading') page = <Loading />;
    else if (account.state === 'error')
      page = <ErrorBox error={account.error} onRetry={() => void loadMe()} />;
    else
      page = (
        <AuthPage
          key={path}
          mode={path === '/signup' ? 'signup' : 'signin'}
          onSignedIn={signedIn}
        />
      );
  } else {
    page = (
      <AccountContext.Provider value={{ me: account, reload: () => void loadMe() }}>
        <Outlet />
      </AccountContext.Provider>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label="main">
          {'user' in account && (
            <>
              {account.user.role !== 'member' && <Link to="/organise">{t('nav.organise')}</Link>}
              <Link to="/sessions">{t('nav.sessions')}</Link>
              <Link to="/delegations">{t('nav.delegations')}</Link>
              <Link to="/company">{t('nav.company')}</Link>
              <Link to="/settings">{t('nav.settings')}</Link>
              <Bell />
              <span className="muted who">{account.user.name}</span>
              <button type="button" className="link" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          )}
          <label className="visually-hidden" htmlFor="language">
            {t('nav.language')}
          </label>
          <select
            id="language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </nav>
      </header>
      <div id="content">{page}</div>
      <ScrollRestoration />
    </I18nContext.Provider>
  );
}
