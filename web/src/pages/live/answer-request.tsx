import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import type { WireRequest } from '../../live';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';

/** Accept or decline a request received while in the room; request.updated then updates it. */
export function AnswerRequest({ request }: { request: WireRequest }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (status: 'accepted' | 'declined') =>
      call(
        client.PATCH('/api/sessions/{id}/requests/{requestId}', {
          params: { path: { id: request.sessionId, requestId: request.id } },
          body: { status },
        }),
      ),
    // An answer changes the session's requests and, once accepted, its agendas.
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: keys.session(request.sessionId) }),
  });
  const busy = answer.isPending;
  const error = answer.error;
  return (
    <div className="actions">
      <button
        type="button"
        disabled={busy}
        aria-label={t('live.acceptFrom', { name: request.fromCompanyName })}
        onClick={() => answer.mutate('accepted')}
      >
        {t('requests.accept')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={t('live.declineFrom', { name: request.fromCompanyName })}
        onClick={() => answer.mutate('declined')}
      >
        {t('requests.decline')}
      </button>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
