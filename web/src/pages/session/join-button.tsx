import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';

/** Joins the session as the company; its matches load then. */
export function JoinButton({
  sessionId,
  company,
  onJoined,
}: {
  sessionId: string;
  company: Membership;
  onJoined: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/sessions/{id}/participants', {
          params: { path: { id: sessionId } },
          body: { companyId: company.companyId },
        }),
      ),
    onSuccess: () => {
      onJoined();
      void queryClient.invalidateQueries({ queryKey: keys.matches(sessionId, company.companyId) });
    },
  });
  return (
    <div className="join">
      <button type="button" onClick={() => join.mutate()} disabled={join.isPending}>
        {join.isPending ? t('common.saving') : t('session.join', { name: company.name })}
      </button>
      {join.isError && <ErrorBox error={join.error} />}
    </div>
  );
}
