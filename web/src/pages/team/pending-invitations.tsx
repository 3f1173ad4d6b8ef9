import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { ConfirmButton } from '../../confirm';
import { useInvitations, useWithdrawInvitation } from './team-api';

/**
 * The invitations of the company still waiting for an answer (owners see them). Each may be
 * withdrawn, after a question: its emailed link then stops working.
 */
export function PendingInvitations({ companyId }: { companyId: string }) {
  const { t, dateTime } = useI18n();
  const invitations = useInvitations(companyId, true);
  const withdraw = useWithdrawInvitation(companyId);
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('team.invite.pending')}</h2>
      <QueryLoaded query={invitations}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('team.invite.none')}</p>
          ) : (
            <ul>
              {list.map((invitation) => (
                <li key={invitation.id}>
                  {t('team.invite.until', {
                    email: invitation.email,
                    role: t(`team.role.${invitation.role}` as const),
                    time: dateTime(invitation.expiresAt),
                  })}{' '}
                  <ConfirmButton
                    label={t('team.invite.withdraw')}
                    accessibleLabel={t('team.invite.withdrawNamed', { email: invitation.email })}
                    question={t('team.invite.withdrawConfirm', { email: invitation.email })}
                    busy={withdraw.isPending}
                    onConfirm={() => withdraw.mutate(invitation.id)}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </QueryLoaded>
      {withdraw.error && <ErrorBox error={withdraw.error} />}
    </section>
  );
}
