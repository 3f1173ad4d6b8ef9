import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, storeToken, type User } from '../api';
import { useI18n, VIEWER_ZONE } from '../i18n';
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
  const { t, language } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () =>
      api<{ user: User; accessToken: string }>(
        'POST',
        mode === 'signup' ? '/auth/register' : '/auth/login',
        mode === 'signup'
          ? // The browser's language (as the app shows it) and time zone, for emails and notifications.
            { name, email, password, language, timezone: VIEWER_ZONE }
          : { email, password },
      ),
    onSuccess: (answer) => {
      storeToken(answer.accessToken);
      onSignedIn(answer.user);
    },
  });
  const busy = signIn.isPending;
  const error = signIn.error;
  const fields = fieldErrors(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <main className="narrow">
      <p className="lead">{t('auth.welcome')}</p>
      <h1>{mode === 'signup' ? t('auth.signUp') : t('auth.signIn')}</h1>
      <form onSubmit={submit} noValidate>
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
        {error && Object.keys(fields).length === 0 && <ErrorBox error={error} />}
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
