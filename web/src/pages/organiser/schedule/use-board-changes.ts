import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import type { components } from '../../../api/schema';
import { keys } from '../../../queries';

/** A move on the board: another slot or table, a swap with another meeting, a pin. */
export type BoardMove = Pick<
  components['schemas']['UpdateMeetingDto'],
  'slotIndex' | 'table' | 'swapWith' | 'fixed'
>;

/** Moves or swaps a meeting (`PATCH /api/meetings/:id`); the board loads again either way. */
export function useMoveMeeting(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, move }: { meetingId: string; move: BoardMove }) =>
      call(client.PATCH('/api/meetings/{id}', { params: { path: { id: meetingId } }, body: move })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.board(sessionId) }),
  });
}

/** Books a meeting in a free cell (`POST /api/sessions/:id/meetings`). */
export function useBookMeeting(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['BookMeetingDto']) =>
      call(
        client.POST('/api/sessions/{id}/meetings', { params: { path: { id: sessionId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.board(sessionId) }),
  });
}
