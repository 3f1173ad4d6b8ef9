import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { DecisionRow, type Decision } from './decision-row';
import type { DelegationDetail } from './types';

type Application = DelegationDetail['applications'][number];

/** The organisers' side: every application, accepted, waitlisted or rejected here. */
export function Decisions({
  delegation,
  onChange,
}: {
  delegation: DelegationDetail;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const decide = useMutation({
    mutationFn: ({
      application,
      status,
      reason,
    }: {
      application: Application;
      status: Decision;
      reason?: string;
    }) =>
      call(
        client.PATCH('/api/delegations/{id}/applications/{applicationId}', {
          params: { path: { id: delegation.id, applicationId: application.id } },
          body: status === 'rejected' ? { status, reason } : { status },
        }),
      ),
    onSuccess: onChange,
  });
  const busy = decide.isPending ? decide.variables.application.id : null;
  const failed = decide.isError ? decide.variables.application.id : null;

  return (
    <section aria-labelledby="applications">
      <h2 id="applications">{t('applications.title')}</h2>
      <p className="muted">
        {t('applications.counts', {
          total: delegation.applications.length,
          accepted: delegation.acceptedCount,
          capacity: delegation.capacity,
          waitlisted: delegation.waitlistedCount,
        })}
      </p>
      {delegation.applications.length === 0 ? (
        <p className="muted">{t('applications.none')}</p>
      ) : (
        <ul className="plain">
          {delegation.applications.map((application) => (
            <DecisionRow
              key={application.id}
              application={application}
              busy={busy === application.id}
              error={failed === application.id ? decide.error : null}
              onDecide={(status, reason) => decide.mutate({ application, status, reason })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
