import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { useFocusFirstInvalid } from '../../form-errors';
import { useAccountFieldErrors, useChangePassword } from './account-api';

/** The current password, then the new one; the answer's token replaces the stored one. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useChangePassword();
  const fields = useAccountFieldErrors(change.error);
  const formRef = useFocusFirstInvalid(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field
          id="current-password"
          label={t('account.password.current')}
          errors={fields.currentPassword}
        >
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrent(event.target.value)}
            aria-invalid={fields.currentPassword ? true : undefined}
            aria-describedby={fields.currentPassword ? 'current-password-error' : undefined}
            required
          />
        </Field>
        <Field
          id="new-password"
          label={t('account.password.new')}
          hint={t('auth.passwordHint')}
          errors={fields.newPassword}
        >
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNew(event.target.value)}
            aria-invalid={fields.newPassword ? true : undefined}
            aria-describedby={fields.newPassword ? 'new-password-error' : 'new-password-hint'}
            required
          />
        </Field>
        <p className="muted">{t('account.password.note')}</p>
        {change.error && Object.keys(fields).length === 0 && <ErrorBox error={change.error} />}
        {change.isSuccess && (
          <p className="notice ok" role="status">
            {t('account.password.changed')}
          </p>
        )}
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
