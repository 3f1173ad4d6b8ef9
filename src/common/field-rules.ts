import { getMetadataStorage, type ValidationError } from 'class-validator';
import { DateTime } from 'luxon';
import type { FieldRuleName, FieldRuleParams, WireFieldRule } from './field-rules.wire';
import { isCalendarDate, isInstant } from './time';
import { EARLIEST_YEAR, LATEST_YEAR, valuesInBothLists } from './validators';
import { FOLLOW_UP_MONTHS } from '../follow-ups/follow-ups.wire';

const YEARS: FieldRuleParams = { min: EARLIEST_YEAR, max: LATEST_YEAR };

/**
 * class-validator's constraint names, and this API's own validators' (`ValidateBy` names), as the
 * rules of the wire: each with how its `params` come from the decorator's constraints (`MaxLength(
 * 2000)` → `{max: 2000}`) and, for a few, from the value refused (a well-formed date-time in the
 * wrong century breaks `yearRange`, not `isDateTime`).
 */
const RULES: Record<
  string,
  { rule: FieldRuleName; params?: (constraints: unknown[], value: unknown) => FieldRuleParams }
> = {
  isDefined: { rule: 'required' },
  whitelistValidation: { rule: 'notAllowed' },
  isString: { rule: 'isString' },
  isNumber: { rule: 'isNumber' },
  isInt: { rule: 'isInt' },
  isBoolean: { rule: 'isBoolean' },
  isArray: { rule: 'isArray' },
  isObject: { rule: 'isObject' },
  nestedValidation: { rule: 'isObject' },
  isNotEmpty: { rule: 'notBlank' },
  min: { rule: 'min', params: ([min]) => ({ min: Number(min) }) },
  max: { rule: 'max', params: ([max]) => ({ max: Number(max) }) },
  minLength: { rule: 'minLength', params: ([min]) => ({ min: Number(min) }) },
  maxLength: { rule: 'maxLength', params: ([max]) => ({ max: Number(max) }) },
  isLength: {
    rule: 'length',
    params: ([min, max]) => ({
      min: Number(min),
      ...(max === undefined ? {} : { max: Number(max) }),
    }),
  },
  arrayMinSize: { rule: 'arrayMinSize', params: ([min]) => ({ min: Number(min) }) },
  arrayMaxSize: { rule: 'arrayMaxSize', params: ([max]) => ({ max: Number(max) }) },
  isDistinct: { rule: 'distinct' },
  arrayUnique: { rule: 'distinct' },
  isIn: {
    rule: 'isIn',
    params: ([values]) => ({ values: Array.isArray(values) ? values.map(String) : [] }),
  },
  equals: { rule: 'isIn', params: ([value]) => ({ values: [String(value)] }) },
  isEmail: { rule: 'isEmail' },
  isUrl: { rule: 'isUrl' },
  isUuid: { rule: 'isUuid' },
  isISO31661Alpha2: { rule: 'isCountry' },
  isISO6391: { rule: 'isLanguage' },
  isIanaTimeZone: { rule: 'isTimeZone' },
  matches: { rule: 'format' },
  isSides: { rule: 'sides' },
  // A decline's reason with another status: not given here.
  onlyWhenDeclined: { rule: 'notAllowed' },
  // A request's window with a decline or a cancellation: not given here.
  onlyWhenActive: { rule: 'notAllowed' },
  isSidesApart: {
    rule: 'sidesApart',
    params: (_constraints, value) => ({ values: valuesInBothLists(value) }),
  },
  isSlotFitting: { rule: 'slotFits' },
  isFollowUpMonths: {
    rule: 'followUpMonths',
    params: () => ({
      min: FOLLOW_UP_MONTHS.min,
      max: FOLLOW_UP_MONTHS.max,
      count: FOLLOW_UP_MONTHS.maxCount,
    }),
  },
  isDeliveries: { rule: 'deliveries' },
  isInTheFuture: { rule: 'future' },
  isAfterField: { rule: 'after', params: ([field]) => ({ field: String(field) }) },
  isNotAfterField: { rule: 'notAfter', params: ([field]) => ({ field: String(field) }) },
  isNotBeforeField: { rule: 'notBefore', params: ([field]) => ({ field: String(field) }) },
  isWithinDays: {
    rule: 'withinDays',
    params: ([field, days]) => ({ field: String(field), days: Number(days) }),
  },
};

/** `isInstant` and `isCalendarDate`: the kind of value when it is not one, else its years. */
function dateRule(kind: 'isDateTime' | 'isDate', value: unknown): WireFieldRule {
  const wellFormed =
    typeof value === 'string' && (kind === 'isDateTime' ? isInstant(value) : isCalendarDate(value));
  return wellFormed && DateTime.fromISO(value).isValid
    ? { rule: 'yearRange', params: YEARS }
    : { rule: kind };
}

/** The constraints a decorator named `name` put on `property` of the object validated. */
function constraintsOf(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((entry) => entry.propertyName === property && (entry.name ?? entry.type) === name);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/** One rule of the wire for one constraint class-validator names in a ValidationError. */
export function ruleOfConstraint(
  name: string,
  constraints: unknown[],
  value: unknown,
): WireFieldRule {
  if (name === 'isInstant') return dateRule('isDateTime', value);
  if (name === 'isCalendarDate') return dateRule('isDate', value);
  const known = RULES[name];
  if (!known) return { rule: 'invalid' };
  return known.params
    ? { rule: known.rule, params: known.params(constraints, value) }
    : { rule: known.rule };
}

/**
 * The rules a field of a ValidationError broke, with their parameters read from the decorators'
 * metadata (the object validated must be kept: `validationError: {target: true}`).
 */
export function rulesOfError(error: ValidationError): WireFieldRule[] {
  return Object.keys(error.constraints ?? {}).map((name) =>
    ruleOfConstraint(name, constraintsOf(error.target, error.property, name), error.value),
  );
}
