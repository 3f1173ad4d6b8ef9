import type { MeetingRequest } from '../../api';
import { useI18n } from '../../i18n';
import { RequestStatus } from './request-status';

/** The requests the company sent, with their status. */
export function SentRequests({ requests }: { requests: MeetingRequest[] }) {
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
              {t('requests.to', { name: request.toCompanyName })}{' '}
              <RequestStatus request={request} />
              {request.scheduled && request.status !== 'cancelled' && (
                <p className="muted">{t('requests.meetingScheduled')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
