import type { MeetingRequest } from '../../api';
import { CompanyLink } from '../../company-link';
import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import { MessageLink } from '../../message-link';
import { RequestStatus } from './request-status';
import { WindowShown, type WindowSession } from './request-window';

/**
 * The requests the company sent, with their status; one still pending or accepted, and not yet
 * settled by a meeting, may be withdrawn, after a confirmation (the other firm is told).
 */
export function SentRequests({
  requests,
  session,
  busy,
  onWithdraw,
}: {
  requests: MeetingRequest[];
  /** The session's slots and zone, to word a window ("Only in the session’s morning: …"). */
  session?: WindowSession;
  busy: string | null;
  onWithdraw: (request: MeetingRequest) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('requests.sent')}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t('requests.none')}</p>
      ) : (
        <ul className="plain">
          {requests.map((request) => (
            <li key={request.id} className="request">
              <div>
                {t('requests.toPrefix')}{' '}
                <CompanyLink id={request.toCompanyId} name={request.toCompanyName} />{' '}
                <RequestStatus request={request} />{' '}
                <MessageLink
                  from={request.fromCompanyId}
                  to={{ id: request.toCompanyId, name: request.toCompanyName }}
                />
              </div>
              <WindowShown window={request.window} session={session} />
              {request.declineReason && (
                <p>{t('requests.declinedBecause', { reason: request.declineReason })}</p>
              )}
              {request.scheduled && request.status !== 'cancelled' && (
                <p className="muted">{t('requests.meetingScheduled')}</p>
              )}
              {(request.status === 'pending' || request.status === 'accepted') &&
                !request.scheduled && (
                  <div className="actions">
                    {/* Cannot be taken back (the firm is told): asks first. */}
                    <ConfirmButton
                      label={t('requests.withdraw')}
                      accessibleLabel={t('requests.withdrawNamed', { name: request.toCompanyName })}
                      className="secondary"
                      question={t('requests.withdrawConfirm', { name: request.toCompanyName })}
                      confirmLabel={t('requests.yesWithdraw')}
                      cancelLabel={t('requests.keepRequest')}
                      busy={busy === request.id}
                      onConfirm={() => onWithdraw(request)}
                    />
                  </div>
                )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
