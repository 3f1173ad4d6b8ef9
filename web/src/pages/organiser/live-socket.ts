import { useEffect, useState } from 'react';
import { connectLive, type LiveSocket } from '../../live';

/**
 * A live connection for the page's lifetime. Organisers are in the `organisers` room from the
 * handshake on, so job progress and published schedules reach them without joining a session.
 */
export function useLiveSocket(): LiveSocket | null {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  useEffect(() => {
    const opened = connectLive();
    // Handed out once connected: events reach it from then on, and emits go out at once.
    opened.on('connect', () => setSocket(opened));
    return () => {
      opened.close();
    };
  }, []);
  return socket;
}
