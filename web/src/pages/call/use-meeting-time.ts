import { useEffect, useState } from 'react';

export type MeetingTime = 'before' | 'during' | 'after';

/** Where a meeting stands at `now` (ms). */
export function meetingTime(
  meeting: { startsAt: string; endsAt: string },
  now: number,
): MeetingTime {
  if (now < Date.parse(meeting.startsAt)) return 'before';
  return now < Date.parse(meeting.endsAt) ? 'during' : 'after';
}

/** setTimeout's longest delay (about 24.8 days); a later boundary is looked at again then. */
const LONGEST_DELAY = 2 ** 31 - 1;

/**
 * Before, during or after the meeting, moving on by itself at its start and at its end: the call
 * says "test your camera" only before, and offers no call once it is over.
 */
export function useMeetingTime(
  meeting: { startsAt: string; endsAt: string },
  offset: number,
): MeetingTime {
  const [now, setNow] = useState(() => Date.now());
  const { startsAt, endsAt } = meeting;
  useEffect(() => {
    // The next boundary after the time shown, due now already if the clock passed it meanwhile.
    const next = [Date.parse(startsAt), Date.parse(endsAt)].find((at) => at > now + offset);
    if (next === undefined) return;
    const delay = Math.max(0, next - (Date.now() + offset)) + 50;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(delay, LONGEST_DELAY));
    return () => clearTimeout(timer);
  }, [startsAt, endsAt, offset, now]);
  return meetingTime(meeting, now + offset);
}
