import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { InvitationGate } from '../invitation-gate';
import { useAcceptInvitation } from './team-api';

/**
 * `/invitations/accept?token=`: the page the invitation email opens. Signed out, the colleague
 * signs in or signs up first, here, and comes back to it; signed in, one button joins the team.
 */
export function InvitationPage() {
  const { t } = useI18n();
  const accept = useAcceptInvitation();
  return (
    <InvitationGate title={t('team.accept.title')} intro={t('team.accept.intro')}>
      {(account, token) => (
        <main className="narrow">
          <h1>{t('team.accept.title')}</h1>
          {accept.isSuccess ? (
            <>
              <p className="notice ok" role="status">
                {t('team.accept.done', { name: accept.data.name })}
              </p>
              <Link to={`/companies/${accept.data.companyId}/team`}>{t('team.accept.open')}</Link>
            </>
          ) : (
            <>
              <p>{t('team.accept.intro')}</p>
              {accept.isError && <ErrorBox error={accept.error} />}
              <button
                type="button"
                disabled={accept.isPending}
                onClick={() => accept.mutate(token, { onSuccess: () => account.reload() })}
              >
                {t('team.accept.submit')}
              </button>
            </>
          )}
        </main>
      )}
    </InvitationGate>
  );
}
