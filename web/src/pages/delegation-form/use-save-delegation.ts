import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';
import type { Delegation } from '../delegations';
import type { DelegationBody } from './delegation-fields';

/** Creates a delegation (none given) or saves the changes to one, then opens its page. */
export function useSaveDelegation(
  delegation: Delegation | undefined,
  handlers: { onMutate: () => void; onError: (error: unknown) => void },
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DelegationBody) =>
      call(
        delegation
          ? client.PATCH('/api/delegations/{id}', {
              params: { path: { id: delegation.id } },
              body,
            })
          : client.POST('/api/delegations', { body }),
      ),
    ...handlers,
    onSuccess: (saved) => {
      // The delegations load afresh rather than showing what they were before the change.
      queryClient.removeQueries({ queryKey: keys.delegations });
      void navigate(`/delegations/${saved.id}`);
    },
  });
}
