import { useState } from 'react';
import { api } from '../../api';
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
  const [error, setError] = useState<{ applicationId: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const decide = async (application: Application, status: Decision) => {
    setBusy(application.id);
    setError(null);
    try {
      await api('PATCH', `/delegations/${delegation.id}/applications/${application.id}`, {
        status,
      });
      onChange();
    } catch (caught) {
      setError({ applicationId: application.id, error: caught });
    } finally {
      setBusy(null);
    }
  };

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
              error={error?.applicationId === application.id ? error.error : null}
              onDecide={(status) => void decide(application, status)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
