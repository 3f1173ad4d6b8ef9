import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';
import { isCalendarDate, isInstant } from './time';

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

export const upperString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

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
  predicate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    { name, validator: { validate: predicate, defaultMessage: () => `$property ${message}` } },
    options,
  );
}

export const IsCalendarDate = (): PropertyDecorator =>
  Satisfies(
    'isCalendarDate',
    (value) => typeof value === 'string' && isCalendarDate(value),
    'must be a date such as 2026-06-08',
  );

export const IsInstant = (): PropertyDecorator =>
  Satisfies(
    'isInstant',
    (value) => typeof value === 'string' && isInstant(value),
    'must be an ISO 8601 date-time with its offset, such as 2026-06-08T09:00:00+03:00 or 2026-06-08T06:00:00Z',
  );
