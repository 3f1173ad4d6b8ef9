import { DateTime } from 'luxon';

/** A calendar date string that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** An ISO 8601 date-time that names its offset (Z or ±hh:mm), so it is one instant everywhere. */
export function isInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  );
}
