import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveSocket } from '../../../live';
import { keys } from '../../../queries';

/**
 * Scheduling ran again, or a meeting was booked, moved, swapped, pinned or marked (here or in
 * another organiser's browser): the board follows.
 */
export function useSchedulePublished(id: string, socket: LiveSocket | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const published = (event: { sessionId: string }) => {
      if (event.sessionId === id) void queryClient.invalidateQueries({ queryKey: keys.board(id) });
    };
    const updated = (event: { meeting: { sessionId: string } }) =>
      published({ sessionId: event.meeting.sessionId });
    socket.on('schedule.published', published);
    socket.on('meeting.updated', updated);
    return () => {
      socket.off('schedule.published', published);
      socket.off('meeting.updated', updated);
    };
  }, [socket, id, queryClient]);
}
