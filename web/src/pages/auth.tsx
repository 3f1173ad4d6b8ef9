import { useState, type FormEvent } from 'react';
import { api, storeToken, type User } from '../api';
import { useI18n } from '../i18n';
import { Link } from 'react-router';
import { ErrorBox, Field, fieldErrors } from '../ui';

/** Sign in or sign up; both store the token and hand the user to the app. */
export function AuthPage({
  mode,
  onSignedIn,
}: {
  mode: 'signin' | 'signup';
  onSignedIn: (user: User) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrors(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = mode === 'signup' ? { name, email, password } : { email, password };
      const answer = await api<{ user: User; accessToken: string }>(
        'POST',
        mode === 'signup' ? '/auth/register' : '/auth/login',
        body,
      );
      storeToken(answer.accessToken);
      onSignedIn(answer.user);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="narrow">
      <p className="lead">{t('auth.welcome')}</p>
      <h1>{mode === 'signup' ? t('auth.signUp') : t('auth.signIn')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {mode === 'signup' && (
          <Field id="name" label={t('auth.name')} errors={fields.name}>
            <input
              id="name"
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
            />
          </Field>
        )}
        <Field id="email" label={t('auth.email')} errors={fields.email}>
          <input
            id="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
          />
        </Field>
        <Field
          id="password"
          label={t('auth.password')}
          hint={mode === 'signup' ? t('auth.passwordHint') : undefined}
          errors={fields.password}
        >
          <input
            id="password"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </Field>
        {error !== null && Object.keys(fields).length === 0 && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>
          {busy ? t('common.loading') : mode === 'signup' ? t('auth.signUp') : t('auth.signIn')}
        </button>
      </form>
      <p>
        {mode === 'signup' ? t('auth.haveAccount') : t('auth.noAccount')}{' '}
        <Link to={mode === 'signup' ? '/signin' : '/signup'}>
          {mode === 'signup' ? t('auth.signIn') : t('auth.signUp')}
        </Link>
      </p>
    </main>
  );
}
