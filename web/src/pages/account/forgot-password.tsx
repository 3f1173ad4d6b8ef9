import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { useFocusFirstInvalid } from '../../form-errors';
import { useAccountFieldErrors, useRequestReset } from './account-api';

/** `/forgot-password`: asks for a reset link; the answer is the same whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const request = useRequestReset();
  const fields = useAccountFieldErrors(request.error);
  const formRef = useFocusFirstInvalid(request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email);
  };

  return (
    <main className="narrow">
      <h1>{t('account.forgot.title')}</h1>
      {request.isSuccess ? (
        <p className="notice ok" role="status">
          {t('account.forgot.sent', { email: request.variables })}
        </p>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <p>{t('account.forgot.intro')}</p>
          <Field id="email" label={t('auth.email')} errors={fields.email}>
            <input
              id="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={fields.email ? true : undefined}
              aria-describedby={fields.email ? 'email-error' : undefined}
              required
            />
          </Field>
          {request.error && !fields.email && <ErrorBox error={request.error} />}
          <button type="submit" disabled={request.isPending}>
            {request.isPending ? t('common.loading') : t('account.forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/signin">{t('account.forgot.backToSignIn')}</Link>
      </p>
    </main>
  );
}
