import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from '../../../queries';
import { useLiveSocket } from '../live-socket';

/** Scheduling ran again (here or in another organiser's browser): the board follows. */
export function useSchedulePublished(id: string): void {
  const queryClient = useQueryClient();
  const socket = useLiveSocket();
  useEffect(() => {
    if (!socket) return;
    const published = (event: { sessionId: string }) => {
      if (event.sessionId === id) void queryClient.invalidateQueries({ queryKey: keys.board(id) });
    };
    socket.on('schedule.published', published);
    return () => {
      socket.off('schedule.published', published);
    };
  }, [socket, id, queryClient]);
}
