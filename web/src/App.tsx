import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, SIGNED_OUT, storedToken, storeToken, type Me, type User } from './api';
import {
  I18nContext,
  initialLanguage,
  LANGUAGES,
  makeI18n,
  saveLanguage,
  type Language,
} from './i18n';
import { firmPage } from './firm-routes';
import { AuthPage } from './pages/auth';
import { CompanyPage } from './pages/company';
import { SessionPage } from './pages/session';
import { SessionsPage } from './pages/sessions';
import { Link, navigate, usePath } from './router';
import { ErrorBox, Loading } from './ui';

// The live room brings socket.io-client: loaded when first opened.
const LivePage = lazy(() => import('./pages/live'));
// The organisers' screens, loaded for organisers only.
const OrganiserPages = lazy(() => import('./pages/organiser'));

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

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const i18n = useMemo(() => makeI18n(language), [language]);
  const { t } = i18n;
  const path = usePath();
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
    const signedOut = () => setAccount({ state: 'out' });
    window.addEventListener(SIGNED_OUT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT, signedOut);
  }, []);

  const signedIn = (user: User) => {
    const home = user.role === 'member' ? '/sessions' : '/organise';
    void loadMe().then(() => navigate(path === '/signup' ? '/company' : home));
  };
  const signOut = () => {
    storeToken(null);
    setAccount({ state: 'out' });
    navigate('/signin');
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
    const session = /^\/sessions\/([0-9a-f-]{36})$/.exec(path);
    const live = /^\/sessions\/([0-9a-f-]{36})\/live$/.exec(path);
    const organising = account.user.role !== 'member';
    const firm = firmPage(path, account, () => void loadMe());
    if (organising && (path === '/' || path === '/organise' || path.startsWith('/organise/')))
      page = (
        <Suspense fallback={<Loading />}>
          <OrganiserPages path={path} />
        </Suspense>
      );
    else if (firm) page = firm;
    else if (live)
      page = (
        <Suspense fallback={<Loading />}>
          <LivePage id={live[1]} />
        </Suspense>
      );
    else if (session) page = <SessionPage id={session[1]} companies={account.companies} />;
    else if (path === '/company')
      page = <CompanyPage companies={account.companies} onRegistered={() => void loadMe()} />;
    else if (path === '/sessions' || path === '/' || path === '/signin' || path === '/signup')
      page =
        account.companies.length === 0 && path !== '/sessions' ? (
          <CompanyPage companies={account.companies} onRegistered={() => void loadMe()} />
        ) : (
          <SessionsPage />
        );
    else page = <p>{t('common.notFound')}</p>;
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
    </I18nContext.Provider>
  );
}
