import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { SessionSettings } from '../types';
import type { SessionBody } from './form-state';

/** Creates the session (none given) or saves its changes, then opens its page. */
export function useSaveSession(session: SessionSettings | undefined, onMutate: () => void) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionBody) =>
      call(
        session
          ? client.PATCH('/api/sessions/{id}', { params: { path: { id: session.id } }, body })
          : client.POST('/api/sessions', { body }),
      ),
    onMutate,
    onSuccess: (saved) => {
      // The sessions load afresh rather than showing what they were before the change.
      queryClient.removeQueries({ queryKey: keys.sessions });
      void navigate(`/organise/sessions/${saved.id}`);
    },
  });
}
