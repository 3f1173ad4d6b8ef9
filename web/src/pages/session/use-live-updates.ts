import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys } from '../../queries';

/**
 * While the page is open and the company has joined, the live connection says when requests,
 * matches or the schedule change, and their queries are marked stale. (socket.io-client is
 * loaded only here and in the room.)
 */
export function useLiveUpdates(joined: boolean, sessionId: string, companyId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!joined) return;
    let closed = false;
    let disconnect = () => {};
    const invalidate = (key: readonly unknown[]) =>
      void queryClient.invalidateQueries({ queryKey: key });
    void import('../../live').then(({ connectLive }) => {
      if (closed) return;
      const socket = connectLive();
      disconnect = () => socket.disconnect();
      const mine = (id: string) => id === sessionId;
      const requestsKey = keys.requests(sessionId, companyId);
      const agendaKey = keys.agenda(sessionId, companyId);
      const matchesKey = keys.matches(sessionId, companyId);
      // What changed before the connection was up (or while it was down) is loaded on connecting.
      socket.on('connect', () => {
        invalidate(requestsKey);
        invalidate(agendaKey);
      });
      socket.on('request.created', ({ request }) => {
        if (mine(request.sessionId)) invalidate(requestsKey);
      });
      socket.on('request.updated', ({ request }) => {
        if (mine(request.sessionId)) invalidate(requestsKey);
      });
      socket.on('matches.updated', (event) => {
        if (mine(event.sessionId)) invalidate(matchesKey);
      });
      // A meeting placed or cancelled settles a pair's requests, or frees them (`scheduled`).
      socket.on('schedule.published', (event) => {
        if (!mine(event.sessionId)) return;
        invalidate(agendaKey);
        invalidate(requestsKey);
      });
      // The other firm cancelled, or an organiser marked a meeting held or missed.
      socket.on('meeting.updated', ({ meeting }) => {
        if (!mine(meeting.sessionId)) return;
        invalidate(agendaKey);
        invalidate(requestsKey);
      });
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [joined, sessionId, companyId, queryClient]);
}
