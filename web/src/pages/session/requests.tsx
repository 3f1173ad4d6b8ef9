import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { type MeetingRequest, type Membership, type ReceivedRequest } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { ReceivedRequests } from './received-requests';
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
  company,
  requests,
}: {
  sessionId: string;
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
    }: {
      request: MeetingRequest;
      status: Move;
      reason?: string;
    }) =>
      call(
        client.PATCH('/api/sessions/{id}/requests/{requestId}', {
          params: { path: { id: sessionId, requestId: request.id } },
          // A decline's reason, if given, also reaches the sender as a message.
          body: status === 'declined' && reason ? { status, reason } : { status },
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
              busy={busy}
              onAnswer={(request, status, reason) => answer.mutate({ request, status, reason })}
            />
            <SentRequests
              requests={sent}
              busy={busy}
              onWithdraw={(request) => answer.mutate({ request, status: 'cancelled' })}
            />
          </>
        )}
      </QueryLoaded>
    </section>
  );
}
