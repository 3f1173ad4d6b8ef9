import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../api/call';
import { client } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui';
import { InvitationGate } from './invitation-gate';

/**
 * `/session-invitations/accept?token=`: the page an organiser's invitation to a session opens.
 * Signed out, the firm signs up (or in) here first and comes back; signed in, one button accepts:
 * a verified company of theirs joins at once, else the page leads on to registering the company,
 * which joins the session once the organisers verify it.
 */
export function SessionInvitationPage() {
  const { t } = useI18n();
  const accept = useMutation({
    mutationFn: (token: string) =>
      call(client.POST('/api/session-invitations/accept', { body: { token } })),
  });
  const done = accept.data;
  return (
    <InvitationGate title={t('sessionInvite.title')} intro={t('sessionInvite.intro')}>
      {(account, token) => (
        <main className="narrow">
          <h1>{t('sessionInvite.title')}</h1>
          {done ? (
            done.companyId ? (
              <>
                <p className="notice ok" role="status">
                  {t('sessionInvite.joined', { title: done.sessionTitle })}
                </p>
                <Link to={`/sessions/${done.sessionId}`}>{t('sessionInvite.open')}</Link>
              </>
            ) : (
              <>
                <p className="notice ok" role="status">
                  {t('sessionInvite.registerNext', { title: done.sessionTitle })}
                </p>
                <Link to="/company">{t('sessionInvite.register')}</Link>
              </>
            )
          ) : (
            <>
              <p>{t('sessionInvite.intro')}</p>
              {accept.isError && <ErrorBox error={accept.error} />}
              <button
                type="button"
                disabled={accept.isPending}
                onClick={() => accept.mutate(token, { onSuccess: () => account.reload() })}
              >
                {t('sessionInvite.submit')}
              </button>
            </>
          )}
        </main>
      )}
    </InvitationGate>
  );
}
