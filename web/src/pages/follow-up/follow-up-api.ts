import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WireFollowUp, WireFollowUpSaved } from '../../../../src/follow-ups/follow-ups.wire';
import { call } from '../../api/call';
import { client } from '../../api/client';
import type { components } from '../../api/schema';

export type AnswerBody = components['schemas']['AnswerFollowUpDto'];

const followUpKey = (key: string) => ['follow-up', key] as const;

/** The survey its link names: the firm, the session and each held meeting with its answers. */
export function useFollowUp(key: string) {
  return useQuery({
    queryKey: followUpKey(key),
    queryFn: async (): Promise<WireFollowUp> =>
      call(client.GET('/api/follow-ups/{key}', { params: { path: { key } } })),
    // An invalid or expired link stays so: asking again would not change the answer.
    retry: false,
  });
}

/** Sends the answers; the page then shows what the API kept. */
export function useAnswerFollowUp(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AnswerBody): Promise<WireFollowUpSaved> =>
      call(client.POST('/api/follow-ups/{key}', { params: { path: { key } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(followUpKey(key), saved.followUp),
  });
}
