import type { AgreementStatus } from './partners.wire';

/** A signed agreement expiring within this many days (inclusive) is due for renewal. */
export const RENEWAL_DUE_WITHIN_DAYS = 180;

export interface AgreementDates {
  status: AgreementStatus;
  /** Calendar dates, `YYYY-MM-DD`. */
  signedOn: string | null;
  expiresOn: string | null;
}

/** Days from `from` to `to`, both calendar dates (`YYYY-MM-DD`), counted in UTC. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An agreement's status as it stands on `today` (a calendar date): the stored status, except that
 * a signed agreement (`active` or `renewal-due`, with a signature date) whose expiry date has
 * passed is `expired`, and one that expires within RENEWAL_DUE_WITHIN_DAYS days (today included)
 * is `renewal-due`. `planned`, `renewed` and `expired` stay as stored: a renewed agreement's
 * successor carries on, and a planned one has no dates that count yet. The one rule shared by the
 * partners' pages, the reminders and the programme report.
 */
export function effectiveAgreementStatus(
  agreement: AgreementDates,
  today: string,
): AgreementStatus {
  const { status, signedOn, expiresOn } = agreement;
  if (status !== 'active' && status !== 'renewal-due') return status;
  if (signedOn === null || expiresOn === null) return status;
  const left = daysBetween(today, expiresOn);
  if (left < 0) return 'expired';
  if (left <= RENEWAL_DUE_WITHIN_DAYS) return 'renewal-due';
  return status;
}
