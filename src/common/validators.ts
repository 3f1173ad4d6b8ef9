import { Transform } from 'class-transformer';
import {
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { DateTime, IANAZone } from 'luxon';
import { isCalendarDate, isInstant } from './time';

/**
 * A field that may be left out. Unlike class-validator's `IsOptional`, which skips every rule for
 * `null` too (so `{"startsAt": null}` reached the database as 1970, or a not-null violation),
 * `null` is checked like any value and refused (`is required`, as a missing field is), unless the field is
 * `nullable`: then `null` clears it (a nullable column, or a text whose transform makes it '').
 * `IsOptional` is forbidden by the lint configuration; use this.
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  return ValidateIf(
    (_object: unknown, value: unknown) =>
      value !== undefined && !(options.nullable === true && value === null),
  );
}

/** Earliest and latest instants and dates the API takes: far-past and far-future are typos. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2099;
const YEAR_RANGE = `between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

function yearInRange(value: DateTime): boolean {
  return value.year >= EARLIEST_YEAR && value.year <= LATEST_YEAR;
}

/** The canonical spelling of an IANA zone ("asia/hong_kong" → "Asia/Hong_Kong"), or null. */
export function canonicalTimeZone(zone: string): string | null {
  if (!IANAZone.isValidZone(zone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** An IANA time zone name such as Asia/Hong_Kong (checked with luxon, stored canonically). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  const validate = ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && canonicalTimeZone(value) !== null,
        defaultMessage: () =>
          '$property must be an IANA time zone such as Asia/Hong_Kong or America/Toronto',
      },
    },
    options,
  );
  const canonicalise = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (canonicalTimeZone(value.trim()) ?? value) : value,
  );
  return (target, key) => {
    canonicalise(target, key);
    validate(target, key);
  };
}

export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** A free text stored as '' when empty: `null` clears it (with `Optional({ nullable: true })`). */
export const trimOrEmpty = ({ value }: { value: unknown }): unknown =>
  value === null ? '' : trimString({ value });

export const upperString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/**
 * An id in the one spelling the database gives back. PostgreSQL reads `A0B1...` and `a0b1...` as
 * the same uuid, but names built from it (a live room, a Redis key) would differ.
 */
export const lowerId = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.toLowerCase() : value;

/** Applies `map` to each string of an array; anything else is left for the validators to refuse. */
export function mapStrings(map: (value: string) => string) {
  return ({ value }: { value: unknown }): unknown =>
    Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? map(item) : item))
      : value;
}

/** A validator from a predicate, with a message that follows the property name. */
export function Satisfies(
  name: string,
  predicate: (value: unknown, args?: ValidationArguments) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    { name, validator: { validate: predicate, defaultMessage: () => `$property ${message}` } },
    options,
  );
}

export const IsCalendarDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && isCalendarDate(value) && yearInRange(DateTime.fromISO(value)),
      defaultMessage: (args) =>
        typeof args?.value === 'string' && isCalendarDate(args.value)
          ? `$property must be a date ${YEAR_RANGE}`
          : '$property must be a date such as 2026-06-08',
    },
  });

export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        isInstant(value) &&
        yearInRange(DateTime.fromISO(value, { zone: 'utc' })),
      defaultMessage: (args) =>
        typeof args?.value === 'string' && isInstant(args.value)
          ? `$property must be a date-time ${YEAR_RANGE}`
          : '$property must be an ISO 8601 date-time with its offset, such as 2026-06-08T09:00:00+03:00 or 2026-06-08T06:00:00Z',
    },
  });

/** A date or date-time field's value in milliseconds, or null when it is neither. */
function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' || !(isInstant(value) || isCalendarDate(value))) return null;
  return DateTime.fromISO(value, { zone: 'utc' }).toMillis();
}

/**
 * A date or date-time compared with another field of the same input, checked with every other
 * field (not after them by the service, which once showed date errors only when the rest was
 * fixed). When either is missing or malformed, its own rules speak and this one passes; a PATCH
 * that sends one of the two is checked by the service against the stored other.
 */
function ComparedWith(
  name: string,
  field: string,
  holds: (value: number, other: number) => boolean,
  message: string,
  constraints: unknown[] = [field],
): PropertyDecorator {
  return ValidateBy({
    name,
    constraints,
    validator: {
      validate: (value: unknown, args) => {
        const self = timeOf(value);
        const other = timeOf((args?.object as Record<string, unknown> | undefined)?.[field]);
        return self === null || other === null || holds(self, other);
      },
      defaultMessage: () => `$property ${message}`,
    },
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const IsAfterField = (field: string): PropertyDecorator =>
  ComparedWith('isAfterField', field, (value, other) => value > other, `must be after ${field}`);

export const IsNotAfterField = (field: string): PropertyDecorator =>
  ComparedWith(
    'isNotAfterField',
    field,
    (value, other) => value <= other,
    `must not be after ${field}`,
  );

export const IsNotBeforeField = (field: string): PropertyDecorator =>
  ComparedWith(
    'isNotBeforeField',
    field,
    (value, other) => value >= other,
    `must be on or after ${field}`,
  );

/**
 * At most `days` after `field`: date-times by the clock (7 days = 168 hours), calendar dates
 * counting the first and last day (a 60-day trip ends on its 60th day).
 */
export const IsWithinDays = (
  field: string,
  days: number,
  { calendar = false, message = `must be within ${days} days of ${field}` } = {},
): PropertyDecorator =>
  ComparedWith(
    'isWithinDays',
    field,
    (value, other) => value - other <= (calendar ? days - 1 : days) * DAY_MS,
    message,
    [field, days],
  );

/** The values in both lists of a pair `[a, b]` (none when it is no pair of lists): sides' countries. */
export function valuesInBothLists(value: unknown): string[] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(Array.isArray)) return [];
  const [a, b] = value as unknown[][];
  return a.filter((item): item is string => typeof item === 'string' && b.includes(item));
}
