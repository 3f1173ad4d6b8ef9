import { CompanyLink } from '../../company-link';
import { ConfirmButton } from '../../confirm';
import { useState } from 'react';
import type { MeetingRequest, ReceivedRequest } from '../../api';
import { useI18n } from '../../i18n';
import { MessageLink } from '../../message-link';
import { MESSAGE_MAX } from '../messages/use-messages';
import { reasonWords } from '../../reasons';
import { RequestStatus } from './request-status';
import {
  sameWindow,
  WindowChoice,
  WindowShown,
  windowWords,
  type RequestWindow,
  type WindowSession,
} from './request-window';
import type { Answer } from './requests';

/**
 * The requests other firms sent to the company, each with the sender's profile link, score and
 * reasons to weigh first; a pending one is accepted or declined, unless the pair already has a
 * meeting, which answers it.
 */
export function ReceivedRequests({
  requests,
  session,
  busy,
  onAnswer,
}: {
  requests: ReceivedRequest[];
  /** The session's slots and zone: the window asked for, and the choice of one when accepting. */
  session?: WindowSession;
  busy: string | null;
  /** `window`: with an acceptance, when the receiver changed it (null: any time). */
  onAnswer: (
    request: MeetingRequest,
    status: Answer,
    reason?: string,
    window?: RequestWindow | null,
  ) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h3>{t('requests.received')}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t('requests.none')}</p>
      ) : (
        <ul className="plain">
          {requests.map((request) => (
            <li key={request.id} className="request">
              <div>
                {t('requests.fromPrefix')}{' '}
                <CompanyLink id={request.fromCompanyId} name={request.fromCompanyName} />{' '}
                <RequestStatus request={request} />{' '}
                <MessageLink
                  from={request.toCompanyId}
                  to={{ id: request.fromCompanyId, name: request.fromCompanyName }}
                />
                {request.fit && (
                  <>
                    {' '}
                    <span
                      className="score"
                      aria-label={t('matches.score', { score: Math.round(request.fit.score) })}
                    >
                      {Math.round(request.fit.score)}
                    </span>
                  </>
                )}
              </div>
              {request.fit && (
                <ul className="reasons">
                  {request.fit.reasons
                    .filter((reason) => reason.value > 0)
                    .map((reason) => (
                      <li key={reason.component}>{reasonWords(reason, i18n)}</li>
                    ))}
                </ul>
              )}
              {request.message && <q>{request.message}</q>}
              <WindowShown window={request.window} session={session} />
              {request.scheduled && request.status !== 'cancelled' && (
                <p className="muted">{t('requests.meetingScheduled')}</p>
              )}
              {request.status === 'pending' && !request.scheduled && (
                <div className="actions">
                  <AcceptButton
                    // A window changed live (the sender's, or the other side's) starts the choice afresh.
                    key={`${request.window?.from ?? ''}/${request.window?.to ?? ''}`}
                    request={request}
                    session={session}
                    busy={busy === request.id}
                    onAccept={(window) => onAnswer(request, 'accepted', undefined, window)}
                  />
                  {/* Cannot be taken back (the firm is told): asks first. */}
                  <ConfirmButton
                    label={t('requests.decline')}
                    accessibleLabel={t('requests.declineNamed', { name: request.fromCompanyName })}
                    className="secondary"
                    question={t('requests.declineConfirm', { name: request.fromCompanyName })}
                    confirmLabel={t('requests.yesDecline')}
                    cancelLabel={t('requests.keepPending')}
                    reason={{
                      label: t('requests.declineReason'),
                      hint: t('requests.declineReasonHint', { name: request.fromCompanyName }),
                      maxLength: MESSAGE_MAX,
                    }}
                    busy={busy === request.id}
                    onConfirm={(reason) => onAnswer(request, 'declined', reason)}
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

/**
 * Accept, with when the meeting may take place: the window asked for unless the receiver chooses
 * another (sent only when changed).
 */
function AcceptButton({
  request,
  session,
  busy,
  onAccept,
}: {
  request: MeetingRequest;
  session?: WindowSession;
  busy: boolean;
  onAccept: (window?: RequestWindow | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [within, setWithin] = useState<{ value: RequestWindow | null } | null>(null);
  // The receiver's choice replaces the sender's window: say so, with what the sender asked for.
  const replaces =
    session !== undefined &&
    request.window !== null &&
    within !== null &&
    !sameWindow(within.value, request.window);
  return (
    <>
      {session && (
        <WindowChoice
          id={`accept-${request.id}`}
          session={session}
          value={within ? within.value : request.window}
          onChange={(value) => setWithin({ value })}
        />
      )}
      {replaces && request.window && (
        <p className="muted" role="note">
          {t('requests.window.replaces', {
            name: request.fromCompanyName,
            asked: windowWords(request.window, session, i18n),
          })}
        </p>
      )}
      <button
        type="button"
        aria-label={t('requests.acceptNamed', { name: request.fromCompanyName })}
        disabled={busy}
        onClick={() => onAccept(within ? within.value : undefined)}
      >
        {t('requests.accept')}
      </button>
    </>
  );
}
