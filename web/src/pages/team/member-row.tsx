import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { ConfirmButton } from '../../confirm';
import { useChangeRole, useRemoveMember, type TeamMember } from './team-api';

/**
 * One member: name, address and whether it is verified, role. Owners change roles and remove
 * members; every member may leave (`onLeft`). Each asks first.
 */
export function MemberRow({
  member,
  companyId,
  companyName,
  viewerId,
  viewerIsOwner,
  onLeft,
}: {
  member: TeamMember;
  companyId: string;
  companyName: string;
  viewerId: string;
  viewerIsOwner: boolean;
  onLeft: () => void;
}) {
  const { t } = useI18n();
  const changeRole = useChangeRole(companyId);
  const remove = useRemoveMember(companyId);
  const self = member.userId === viewerId;
  const otherRole = member.role === 'owner' ? 'member' : 'owner';
  const roleName = (role: 'owner' | 'member') => t(`team.role.${role}` as const);
  const error = changeRole.error ?? remove.error;

  return (
    <li className="card member">
      <strong>{member.name}</strong> {self && <span className="muted">{t('team.you')}</span>}
      <div className="muted">{member.email}</div>
      <div>
        <span className="badge">{roleName(member.role)}</span>{' '}
        <span className={member.emailVerified ? 'badge verified' : 'badge pending'}>
          {member.emailVerified ? t('team.verified') : t('team.unverified')}
        </span>
      </div>
      <div className="actions">
        {viewerIsOwner && (
          <ConfirmButton
            label={t(otherRole === 'owner' ? 'team.makeOwner' : 'team.makeMember')}
            accessibleLabel={t(
              otherRole === 'owner' ? 'team.makeOwnerNamed' : 'team.makeMemberNamed',
              { name: member.name },
            )}
            question={t('team.roleConfirm', { name: member.name, role: roleName(otherRole) })}
            busy={changeRole.isPending}
            onConfirm={() => changeRole.mutate({ userId: member.userId, role: otherRole })}
          />
        )}
        {self ? (
          <ConfirmButton
            label={t('team.leave')}
            question={t('team.leaveConfirm', { company: companyName })}
            busy={remove.isPending}
            onConfirm={() => remove.mutate(member.userId, { onSuccess: onLeft })}
          />
        ) : (
          viewerIsOwner && (
            <ConfirmButton
              label={t('team.remove')}
              accessibleLabel={t('team.removeNamed', { name: member.name })}
              question={t('team.removeConfirm', { name: member.name, company: companyName })}
              busy={remove.isPending}
              onConfirm={() => remove.mutate(member.userId)}
            />
          )
        )}
      </div>
      {error && <ErrorBox error={error} />}
    </li>
  );
}
