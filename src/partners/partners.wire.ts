/**
 * Partner economies and their cooperation agreements on the wire (SPEC "Programme"). Plain values
 * and types, no imports, so that the server and the web app compile against this one file.
 * Dates of agreements are calendar dates (`YYYY-MM-DD`); other times are ISO 8601 instants in UTC.
 */

/** An agreement's state: `renewal-due` and `expired` follow from its expiry date (see the service). */
export const AGREEMENT_STATUSES = [
  'planned',
  'active',
  'renewal-due',
  'expired',
  'renewed',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The forms cooperation takes under an agreement. */
export const COOPERATION_FORMS = [
  'delegations',
  'seminars',
  'workshops',
  'video-matching',
  'exhibitions',
  'information-exchange',
  'joint-research',
] as const;
export type CooperationForm = (typeof COOPERATION_FORMS)[number];
