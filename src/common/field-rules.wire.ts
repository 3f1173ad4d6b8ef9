/**
 * The rules a `400` names per field (`rules: {<field>: [{rule, params}]}`, beside the English
 * `fields`), in one import-free list that the server and the web app both compile against: the
 * server maps class-validator's constraints onto these names (`field-rules.ts`), and the web app
 * words each of them in every language (`web/src/i18n/`, `rule.<name>`), so a new rule without
 * words fails the type-check. A constraint with no name here is sent as `invalid`, and clients
 * show the English message of `fields` for it.
 */
export const FIELD_RULES = [
  // Presence and shape
  'required',
  'notAllowed',
  'invalid',
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'notBlank',
  // Sizes: `params` `{min}`, `{max}` or both
  'min',
  'max',
  'minLength',
  'maxLength',
  'length',
  'arrayMinSize',
  'arrayMaxSize',
  'distinct',
  // Choices: `params.values` lists what is allowed
  'isIn',
  // Kinds of value
  'isEmail',
  'isUrl',
  'isUuid',
  'isCountry',
  'isLanguage',
  'isTimeZone',
  'isDateTime',
  'isDate',
  'format',
  // Dates against the API's years (`params` `{min, max}`) and against other fields
  'yearRange',
  'after',
  'notAfter',
  'notBefore',
  'withinDays',
  // An instant that must lie ahead (a post's deadline)
  'future',
  // `params` `{first, last}`: calendar dates (an itinerary item within its delegation's days)
  'withinDates',
  // `params` `{first, last}`: instants (an availability window within its session)
  'withinSession',
  // A meeting request's window that holds no whole slot of its session
  'holdsSlot',
  'slotFits',
  // Per field kinds of this product
  'sides',
  'sidesApart',
  'weightAboveZero',
  'deliveries',
  // `params` `{min, max}`: a number from `min` to `max` (a table of a session)
  'range',
  // `params` `{max}`: bytes (a live signal's data)
  'maxBytes',
  // Text PostgreSQL cannot store (a NUL character, a lone surrogate)
  'storableText',
  // An id of something that is not there (any more): choose again
  'exists',
  // Request bodies: two changes that do not go together (`params.fields`: the others), or none
  'exclusive',
  'oneChange',
  // Meetings and the schedule board
  'differentCompanies',
  'otherMeeting',
  'sameSession',
  'meetingFirm',
  // `params` `{min, max, count}`: a session's follow-up months (1 to `count` different months)
  'followUpMonths',
  // `params` `{min, max}`: a slot's index (0-based) among the session's slots
  'sessionSlot',
  'inPersonOnly',
  // Accounts
  'sameEmail',
  'knownAccount',
  // The company import: a name already taken, columns (`params.values`) unknown or missing
  'nameTaken',
  'unknownColumns',
  'missingColumns',
  // An activity's agreement that is not one of its partner economy's
  'agreementOfPartner',
] as const;

export type FieldRuleName = (typeof FIELD_RULES)[number];

/** What a rule is measured against: a number, a field's name, the allowed values. */
export type FieldRuleParams = Record<string, string | number | string[]>;

/** One rule a field broke, for clients to word in their reader's language. */
export interface WireFieldRule {
  rule: FieldRuleName;
  params?: FieldRuleParams;
}

/** Every offending field of a `400` with the rules it broke. */
export type WireFieldRules = Record<string, WireFieldRule[]>;
