import { useEffect } from 'react';

/**
 * Decisions (also a promotion from the waitlist) reach the page over the live connection.
 * (socket.io-client is loaded only where it is used.)
 */
export function useApplicationUpdates(delegationId: string, reload: () => void): void {
  useEffect(() => {
    let closed = false;
    let disconnect = () => {};
    void import('../../live').then(({ connectLive }) => {
      if (closed) return;
      const socket = connectLive();
      disconnect = () => socket.disconnect();
      socket.on('application.updated', ({ application }) => {
        if (application.delegationId === delegationId) reload();
      });
    });
    return () => {
      closed = true;
      disconnect();
    };
  }, [delegationId, reload]);
}
