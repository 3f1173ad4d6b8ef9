import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { useFocusFirstInvalid } from '../../form-errors';
import { useAccountFieldErrors, useConfirmReset, useShell } from './account-api';

/** `/reset-password?token=`: the page the emailed link opens; a new password signs the user in. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const token = useSearchParams()[0].get('token') ?? '';
  const [password, setPassword] = useState('');
  const confirm = useConfirmReset();
  const { signedIn } = useShell();
  const fields = useAccountFieldErrors(confirm.error);
  const formRef = useFocusFirstInvalid(confirm.error);

  if (!token) {
    return (
      <main className="narrow">
        <h1>{t('account.reset.title')}</h1>
        <p>{t('account.reset.noToken')}</p>
        <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
      </main>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ token, password }, { onSuccess: (user) => signedIn(user) });
  };

  return (
    <main className="narrow">
      <h1>{t('account.reset.title')}</h1>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field
          id="password"
          label={t('account.reset.password')}
          hint={t('auth.passwordHint')}
          errors={fields.password}
        >
          <input
            id="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? 'password-error' : 'password-hint'}
            required
          />
        </Field>
        <p className="muted">{t('account.reset.note')}</p>
        {confirm.error && !fields.password && (
          <>
            <ErrorBox error={confirm.error} />
            {fields.token && <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>}
          </>
        )}
        <button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? t('common.loading') : t('account.reset.submit')}
        </button>
      </form>
    </main>
  );
}
