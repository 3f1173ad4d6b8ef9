import { ConfirmButton } from '../../confirm';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorBox } from '../../ui';
import type { DelegationDetail } from './types';

export type Decision = 'accepted' | 'waitlisted' | 'rejected';
const DECISIONS: Decision[] = ['accepted', 'waitlisted', 'rejected'];
const DECISION_LABEL: Record<Decision, MessageKey> = {
  accepted: 'applications.accept',
  waitlisted: 'applications.waitlist',
  rejected: 'applications.reject',
};

/** One application as the organisers see it, with the decisions it can still take. */
export function DecisionRow({
  application,
  busy,
  error,
  onDecide,
}: {
  application: DelegationDetail['applications'][number];
  busy: boolean;
  error: unknown;
  /** `reason`: why it is rejected, sent to the firm. */
  onDecide: (status: Decision, reason?: string) => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <li className="application">
      <strong>{application.companyName}</strong> ({application.companyCountry}){' '}
      <span className={`badge ${application.status}`}>
        {t(`applications.status.${application.status}`)}
      </span>
      <div className="muted">
        {t('applications.applied', { time: dateTime(application.appliedAt) })}
      </div>
      {application.status !== 'withdrawn' && (
        <div className="actions">
          {DECISIONS.filter((status) => status !== application.status).map((status) =>
            status === 'rejected' ? (
              <ConfirmButton
                key={status}
                label={t(DECISION_LABEL[status])}
                accessibleLabel={`${t(DECISION_LABEL[status])}: ${application.companyName}`}
                className="secondary"
                title={t('applications.rejectTitle', { name: application.companyName })}
                question={
                  <p>{t('applications.rejectQuestion', { name: application.companyName })}</p>
                }
                reason={{ label: t('applications.rejectReason'), required: true, maxLength: 1000 }}
                confirmLabel={t('applications.rejectConfirm')}
                busy={busy}
                onConfirm={(reason) => onDecide(status, reason)}
              />
            ) : (
              <button
                key={status}
                type="button"
                className={status === 'accepted' ? undefined : 'secondary'}
                disabled={busy}
                aria-label={`${t(DECISION_LABEL[status])}: ${application.companyName}`}
                onClick={() => onDecide(status)}
              >
                {t(DECISION_LABEL[status])}
              </button>
            ),
          )}
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </li>
  );
}
