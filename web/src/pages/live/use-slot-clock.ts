import { useEffect, useState } from 'react';
import type { LiveSlot } from '../../live';

/** The time left in the current slot, `m:ss`, ticking each second on the server's clock. */
export function useSlotClock(current: LiveSlot | null, offset: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const msLeft = current ? Date.parse(current.endsAt) - (now + offset) : 0;
  const seconds = Math.max(0, Math.round(msLeft / 1000));
  return { msLeft, left: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` };
}
