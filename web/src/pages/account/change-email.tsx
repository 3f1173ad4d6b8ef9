import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { useFocusFirstInvalid } from '../../form-errors';
import { useAccountFieldErrors, useRequestEmailChange } from './account-api';

/** A new address and the password; the change takes effect when the link sent there is followed. */
export function ChangeEmailForm({ current }: { current: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [currentPassword, setPassword] = useState('');
  const request = useRequestEmailChange();
  const fields = useAccountFieldErrors(request.error);
  const formRef = useFocusFirstInvalid(request.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email, currentPassword }, { onSuccess: () => setPassword('') });
  };

  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('account.email.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field id="new-email" label={t('account.email.new')} errors={fields.email}>
          <input
            id="new-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? 'new-email-error' : undefined}
            required
          />
        </Field>
        <Field
          id="email-password"
          label={t('account.email.password')}
          errors={fields.currentPassword}
        >
          <input
            id="email-password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fields.currentPassword ? true : undefined}
            aria-describedby={fields.currentPassword ? 'email-password-error' : undefined}
            required
          />
        </Field>
        {request.error && Object.keys(fields).length === 0 && <ErrorBox error={request.error} />}
        {request.isSuccess && (
          <p className="notice ok" role="status">
            {t('account.email.sent', { email: request.variables.email, current })}
          </p>
        )}
        <button type="submit" disabled={request.isPending}>
          {request.isPending ? t('common.saving') : t('account.email.submit')}
        </button>
      </form>
    </section>
  );
}
