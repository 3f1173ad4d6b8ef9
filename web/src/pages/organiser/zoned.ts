/** Wall-clock times in a chosen IANA zone, for `datetime-local` inputs, and back to instants. */

function partsIn(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A zone the browser knows, else UTC (the API then names the bad zone itself). */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** `YYYY-MM-DDTHH:mm` of an instant in `timeZone`. */
export function wallClock(iso: string, timeZone: string): string {
  return partsIn(Date.parse(iso), knownZone(timeZone));
}

/** The ISO instant of a wall-clock time `YYYY-MM-DDTHH:mm` in `timeZone`; '' when there is none. */
export function instantOf(wall: string, timeZone: string): string {
  const asUtc = Date.parse(`${wall}:00Z`);
  if (!wall || Number.isNaN(asUtc)) return '';
  const zone = knownZone(timeZone);
  const offset = (instant: number) =>
    Date.parse(`${partsIn(instant, zone)}:00Z`) - Math.floor(instant / 60_000) * 60_000;
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const guess = asUtc - offset(asUtc);
  return new Date(asUtc - offset(guess)).toISOString();
}

/** Every zone the browser knows, for a select. */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
