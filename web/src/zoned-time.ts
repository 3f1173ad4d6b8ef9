import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock times in a chosen IANA zone, as a `datetime-local` input holds them
 * (`YYYY-MM-DDTHH:mm`), and the UTC instants they stand for, through luxon.
 */

/** A zone luxon (the browser) knows, else UTC (the API then names the bad zone itself). */
export function knownZone(zone: string): string {
  return IANAZone.isValidZone(zone) ? zone : 'UTC';
}

/** `YYYY-MM-DDTHH:mm` of an ISO instant in `zone`; '' when either is not one. */
export function wallClock(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return time.isValid ? time.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/** The UTC ISO instant of a wall-clock time `YYYY-MM-DDTHH:mm` in `zone`; '' when there is none. */
export function instantOf(wall: string, zone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall)) return '';
  const time = DateTime.fromISO(wall, { zone });
  return time.isValid ? (time.toUTC().toISO() ?? '') : '';
}

/**
 * Every zone the browser knows, for a select, with `current` first if it is not among them. UTC
 * leads: browsers leave it out of their list, yet it is a zone people choose (and the settings'
 * default), and once changed it could not be chosen again.
 */
export function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  const zones = known.includes('UTC') ? known : ['UTC', ...known];
  return zones.includes(current) ? zones : [current, ...zones];
}

/**
 * A zone as people read it, in `locale`: its IANA name (the order of the list), then its generic
 * name and its offset now, e.g. "Asia/Hong Kong — Hong Kong Standard Time (GMT+8)" or
 * "Asia/Hong Kong — 香港標準時間 (GMT+8)". A zone the browser cannot name is shown by its IANA name.
 */
export function zoneLabel(zone: string, locale: string, now = new Date()): string {
  const part = (timeZoneName: 'longGeneric' | 'shortOffset') => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName })
        .formatToParts(now)
        .find((piece) => piece.type === 'timeZoneName')?.value;
    } catch {
      return undefined;
    }
  };
  const name = part('longGeneric');
  const offset = part('shortOffset');
  const id = zone.replaceAll('_', ' ');
  if (!name || !offset) return id;
  return name === offset ? `${id} (${offset})` : `${id} — ${name} (${offset})`;
}

/**
 * A zone's name as people say it, in `locale`: "Hong Kong Time", "香港時間", or the city of its
 * IANA name ("Kolkata") when the browser has no such name.
 */
export function zoneName(zone: string, locale: string, now = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(now)
      .find((piece) => piece.type === 'timeZoneName')?.value;
    if (name && !/^GMT/.test(name)) return name;
  } catch {
    // An unknown zone: its city below.
  }
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/**
 * The last instant of a calendar day (`YYYY-MM-DD`) in `zone`, as a UTC ISO instant: a deadline
 * picked as a day holds until that day is over where the user is; '' when it is not a day.
 */
export function endOfDay(day: string, zone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const time = DateTime.fromISO(day, { zone }).endOf('day');
  return time.isValid ? (time.toUTC().toISO() ?? '') : '';
}

/** The calendar day (`YYYY-MM-DD`) of an ISO instant in `zone`; '' when it is not one. */
export function dayOf(iso: string, zone: string): string {
  return wallClock(iso, zone).slice(0, 10);
}

/** How many calendar days from `now`'s day to the instant's day, in `zone` (0: today). */
export function daysUntil(iso: string, zone: string, now = new Date()): number {
  const day = (time: DateTime) => time.setZone(zone).startOf('day');
  const then = day(DateTime.fromISO(iso, { zone: 'utc' }));
  return Math.round(then.diff(day(DateTime.fromJSDate(now)), 'days').days);
}
