import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { OrganiserSessionDetail, SessionStatus } from '../types';

/** A session with its slots and counts, as its organiser sees it (`keys.session`). */
export function useOrganiserSession(id: string) {
  return useQuery({
    queryKey: keys.session(id),
    queryFn: () => call(client.GET('/api/sessions/{id}', { params: { path: { id } } })),
  });
}

/** Moves the session on in its lifecycle; the answer updates the session shown. */
export function useSessionMove(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: SessionStatus) =>
      call(
        client.PATCH('/api/sessions/{id}', {
          params: { path: { id } },
          body: { status },
        }),
      ),
    onSuccess: (moved) =>
      queryClient.setQueryData<OrganiserSessionDetail>(
        keys.session(id),
        (current) => current && { ...current, ...moved },
      ),
  });
}
