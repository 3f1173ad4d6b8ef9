import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { ScheduleDraft } from '../types';

/** The session's draft schedule, or null when it has none (`keys.draft`, under the board's key). */
export function useDraft(id: string) {
  return useQuery({
    queryKey: keys.draft(id),
    queryFn: async (): Promise<ScheduleDraft | null> => {
      try {
        return await call(
          client.GET('/api/sessions/{id}/schedule/draft', { params: { path: { id } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Publishes the draft reviewed; the board (and the draft under it) loads again. */
export function usePublishDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) =>
      call(
        client.POST('/api/sessions/{id}/schedule/draft/publish', {
          params: { path: { id } },
          body: { draftId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.board(id) }),
  });
}

/** Discards the draft. */
export function useDiscardDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(client.DELETE('/api/sessions/{id}/schedule/draft', { params: { path: { id } } })),
    onSuccess: () => queryClient.setQueryData(keys.draft(id), null),
  });
}
