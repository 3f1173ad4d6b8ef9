import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { storeToken, type User } from '../api';
import { call } from '../api/call';
import { client } from '../api/client';
import { useI18n, VIEWER_ZONE } from '../i18n';
import { Link } from 'react-router';
import { useFieldErrors, useFocusFirstInvalid } from '../form-errors';
import { ErrorBox, Field } from '../ui';

/**
 * Sign in or sign up; both store the token and hand the user to the app. `embedded` (in a page
 * that chooses the mode itself, the invitation's) leaves out the links to the other mode.
 */
export function AuthPage({
  mode,
  onSignedIn,
  embedded = false,
}: {
  mode: 'signin' | 'signup';
  onSignedIn: (user: User) => void;
  embedded?: boolean;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () =>
      call(
        mode === 'signup'
          ? client.POST('/api/auth/register', {
              // The browser's language (as the app shows it) and time zone, for emails and notifications.
              body: { name, email, password, language, timezone: VIEWER_ZONE },
            })
          : client.POST('/api/auth/login', { body: { email, password } }),
      ),
    onSuccess: (answer) => {
      storeToken(answer.accessToken);
      onSignedIn(answer.user);
    },
  });
  const busy = signIn.isPending;
  const error = signIn.error;
  const fields = useFieldErrors(error);
  const formRef = useFocusFirstInvalid(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  const Frame = embedded ? 'section' : 'main';
  const Heading = embedded ? 'h2' : 'h1';
  return (
    <Frame className="narrow">
      <p className="lead">{t('auth.welcome')}</p>
      <Heading>{mode === 'signup' ? t('auth.signUp') : t('auth.signIn')}</Heading>
      <form ref={formRef} onSubmit={submit} noValidate>
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
      {mode === 'signin' && (
        <p>
          <Link to="/forgot-password">{t('auth.forgot')}</Link>
        </p>
      )}
      {!embedded && (
        <p>
          {mode === 'signup' ? t('auth.haveAccount') : t('auth.noAccount')}{' '}
          <Link to={mode === 'signup' ? '/signin' : '/signup'}>
            {mode === 'signup' ? t('auth.signIn') : t('auth.signUp')}
          </Link>
        </p>
      )}
    </Frame>
  );
}
