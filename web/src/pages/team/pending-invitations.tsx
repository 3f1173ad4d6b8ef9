import { useI18n, type MessageKey } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { useInvitations } from './team-api';

/** The invitations of the company still waiting for an answer (owners see them). */
export function PendingInvitations({ companyId }: { companyId: string }) {
  const { t, dateTime } = useI18n();
  const invitations = useInvitations(companyId, true);
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
                    role: t(`team.role.${invitation.role}` as MessageKey),
                    time: dateTime(invitation.expiresAt),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryLoaded>
    </section>
  );
}
