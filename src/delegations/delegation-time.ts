import { DateTime } from 'luxon';

/**
 * Delegation time rules, pure: a delegation runs on calendar dates in its own time zone, and its
 * itinerary items are instants that must fall within those days as seen there.
 */

/** The instants a delegation's days span: from the first day's 00:00 to the day after the last. */
export function delegationWindow(
  startsOn: string,
  endsOn: string,
  zone: string,
): { from: Date; to: Date } {
  const from = DateTime.fromISO(startsOn, { zone }).startOf('day');
  const to = DateTime.fromISO(endsOn, { zone }).plus({ days: 1 }).startOf('day');
  return { from: from.toJSDate(), to: to.toJSDate() };
}

/** True when [startsAt, endsAt) lies within the delegation's days in its zone. */
export function fitsDelegationDays(
  item: { startsAt: Date; endsAt: Date },
  delegation: { startsOn: string; endsOn: string; timezone: string },
): boolean {
  const { from, to } = delegationWindow(
    delegation.startsOn,
    delegation.endsOn,
    delegation.timezone,
  );
  return item.startsAt >= from && item.endsAt <= to;
}

/** An instant as local wall time with its offset, e.g. 2026-06-10T09:00:00+03:00. */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? '';
}
