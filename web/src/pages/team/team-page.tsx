import { Link, useNavigate } from 'react-router';
import { useAccount } from '../../account';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';
import { PendingInvitations } from './pending-invitations';
import { useCompanyName, useMembers } from './team-api';

/**
 * `/companies/:id/team`: the company's users with their roles and verified addresses (its users
 * and organisers see it); owners invite, change roles and remove; a member may leave.
 */
export function TeamPage({ companyId }: { companyId: string }) {
  const { t } = useI18n();
  const { me, reload } = useAccount();
  const navigate = useNavigate();
  const members = useMembers(companyId);
  const name = useCompanyName(companyId).data ?? '';
  const viewerIsOwner =
    members.data?.some((member) => member.userId === me.user.id && member.role === 'owner') ??
    false;
  const left = () => {
    reload();
    void navigate('/company');
  };

  return (
    <main>
      <Link to={me.user.role === 'member' ? '/company' : '/organise/companies'}>
        ← {t('common.back')}
      </Link>
      <h1>{t('team.title', { name })}</h1>
      <p className="muted">{t('team.ownersManage')}</p>
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('team.members')}</h2>
        <QueryLoaded query={members}>
          {(list) => (
            <ul className="cards">
              {list.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  companyId={companyId}
                  companyName={name}
                  viewerId={me.user.id}
                  viewerIsOwner={viewerIsOwner}
                  onLeft={left}
                />
              ))}
            </ul>
          )}
        </QueryLoaded>
      </section>
      {viewerIsOwner && (
        <>
          <InviteForm companyId={companyId} />
          <PendingInvitations companyId={companyId} />
        </>
      )}
    </main>
  );
}
