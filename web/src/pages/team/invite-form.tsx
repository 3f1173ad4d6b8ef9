import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../form-errors';
import { ErrorBox, Field } from '../../ui';
import { useInvite, type MemberRole } from './team-api';

/** An owner invites a colleague by email with a role. */
export function InviteForm({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const invite = useInvite(companyId);
  const fields = useFieldErrors(invite.error);
  const formRef = useFocusFirstInvalid(invite.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email, role }, { onSuccess: () => setEmail('') });
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('team.invite.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field id="invite-email" label={t('team.invite.email')} errors={fields.email}>
          <input
            id="invite-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? 'invite-email-error' : undefined}
            required
          />
        </Field>
        <Field id="invite-role" label={t('team.invite.role')} errors={fields.role}>
          <select
            id="invite-role"
            value={role}
            onChange={(event) => setRole(event.target.value as MemberRole)}
          >
            <option value="member">{t('team.role.member')}</option>
            <option value="owner">{t('team.role.owner')}</option>
          </select>
        </Field>
        {invite.error && Object.keys(fields).length === 0 && <ErrorBox error={invite.error} />}
        {invite.isSuccess && (
          <p className="notice ok" role="status">
            {t('team.invite.sent', { email: invite.data.email })}
          </p>
        )}
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? t('common.saving') : t('team.invite.submit')}
        </button>
      </form>
    </section>
  );
}
