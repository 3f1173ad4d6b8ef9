import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { type MeetingRequest, type Membership, type ReceivedRequest } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { ReceivedRequests } from './received-requests';
import type { RequestWindow, WindowSession } from './request-window';
import { SentRequests } from './sent-requests';

export type RequestLists = { sent: MeetingRequest[]; received: ReceivedRequest[] };
export type Answer = 'accepted' | 'declined';
/** What the firm does with a request: answers one it received, or withdraws one it sent. */
type Move = Answer | 'cancelled';

/**
 * The requests the company received (to accept or decline) and those it sent (to withdraw; the
 * other firm is told, as for every answer).
 */
export function Requests({
  sessionId,
  session,
  company,
  requests,
}: {
  sessionId: string;
  /** The session's slots and zone: the requests' windows, and the choice of one when accepting. */
  session?: WindowSession;
  company: Membership;
  requests: UseQueryResult<RequestLists>;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: ({
      request,
      status,
      reason,
      window,
    }: {
      request: MeetingRequest;
      status: Move;
      reason?: string;
      /** With an acceptance: when the meeting may take place (null: any time), if changed. */
      window?: RequestWindow | null;
    }) =>
      call(
        client.PATCH('/api/sessions/{id}/requests/{requestId}', {
          params: { path: { id: sessionId, requestId: request.id } },
          // A decline's reason, if given, also reaches the sender as a message.
          body:
            status === 'declined' && reason
              ? { status, reason }
              : status === 'accepted' && window !== undefined
                ? { status, window }
                : { status },
        }),
      ),
    // Refused too (a meeting answered it meanwhile: request.meeting_scheduled), the list is
    // loaded again, and shows why there is nothing left to answer.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      return queryClient.invalidateQueries({
        queryKey: keys.requests(sessionId, company.companyId),
      });
    },
  });
  const busy = answer.isPending ? answer.variables.request.id : null;

  return (
    <section aria-labelledby="requests">
      <h2 id="requests">{t('requests.title')}</h2>
      {answer.isError && <ErrorBox error={answer.error} />}
      <QueryLoaded query={requests}>
        {({ sent, received }) => (
          <>
            <ReceivedRequests
              requests={received}
              session={session}
              busy={busy}
              onAnswer={(request, status, reason, window) =>
                answer.mutate({ request, status, reason, window })
              }
            />
            <SentRequests
              requests={sent}
              session={session}
              busy={busy}
              onWithdraw={(request) => answer.mutate({ request, status: 'cancelled' })}
            />
          </>
        )}
      </QueryLoaded>
    </section>
  );
}
