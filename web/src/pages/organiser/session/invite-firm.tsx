import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../../form-errors';
import { ErrorBox, Field } from '../../../ui';
import { useInviteFirm, useSessionInvitations } from './use-participants';

/** Invites a firm by email to register and join the session; the invitations sent so far. */
export function InviteFirm({ sessionId }: { sessionId: string }) {
  const { t, dateTime } = useI18n();
  const [email, setEmail] = useState('');
  const [companyName, setCompanyName] = useState('');
  const invite = useInviteFirm(sessionId);
  const invitations = useSessionInvitations(sessionId);
  const fields = useFieldErrors(invite.error);
  const formRef = useFocusFirstInvalid(invite.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email, ...(companyName.trim() ? { companyName } : {}) },
      {
        onSuccess: () => {
          setEmail('');
          setCompanyName('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="invite-firm">
      <h3 id="invite-firm">{t('org.invite.title')}</h3>
      <p className="muted">{t('org.invite.help')}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field id="invite-firm-email" label={t('org.invite.email')} errors={fields.email}>
          <input
            id="invite-firm-email"
            type="email"
            autoComplete="off"
            value={email}
            required
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? 'invite-firm-email-error' : undefined}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field
          id="invite-firm-name"
          label={t('org.invite.companyName')}
          errors={fields.companyName}
        >
          <input
            id="invite-firm-name"
            autoComplete="off"
            value={companyName}
            aria-invalid={fields.companyName ? true : undefined}
            aria-describedby={fields.companyName ? 'invite-firm-name-error' : undefined}
            onChange={(event) => setCompanyName(event.target.value)}
          />
        </Field>
        {invite.error && Object.keys(fields).length === 0 && <ErrorBox error={invite.error} />}
        {invite.isSuccess && (
          <p className="notice ok" role="status">
            {t('org.invite.sent', { email: invite.data.email })}
          </p>
        )}
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? t('common.saving') : t('org.invite.submit')}
        </button>
      </form>
      {invitations.data && invitations.data.length > 0 && (
        <ul className="plain" aria-label={t('org.invite.sentList')}>
          {invitations.data.map((invitation) => (
            <li key={invitation.id}>
              {invitation.companyName ? `${invitation.companyName} – ` : ''}
              {invitation.email}{' '}
              <span className="muted">
                {invitation.companyId
                  ? t('org.invite.joined')
                  : invitation.claimed
                    ? t('org.invite.claimed')
                    : t('org.invite.waiting', { time: dateTime(invitation.expiresAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
