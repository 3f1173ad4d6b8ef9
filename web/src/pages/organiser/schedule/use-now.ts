import { useEffect, useState } from 'react';

/**
 * The time, moving on every 30 seconds while the board is open (the slot under way and what may
 * still move follow it without a reload); `fixed` holds it still (the tests).
 */
export function useNow(fixed?: number): number {
  const [now, setNow] = useState(() => fixed ?? Date.now());
  useEffect(() => {
    if (fixed !== undefined) return;
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, [fixed]);
  return fixed ?? now;
}
