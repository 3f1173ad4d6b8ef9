import { DateTime } from 'luxon';
import { RENEWAL_LEAD_DAYS, type AgreementStatus } from './partners.wire';

/**
 * The status of an agreement today. `planned` and `renewed` are what organisers (or a renewal)
 * set; a signed agreement is stored `active` and its status on the wire follows from the dates:
 * `expired` after its expiry date, `renewal-due` from RENEWAL_LEAD_DAYS before it, else `active`.
 * Computed on read, never stored, so that the wire is right on the day itself whatever ran or
 * did not run overnight (the daily reminder job only sends notices). `today` is a calendar date
 * (YYYY-MM-DD, UTC by default).
 */
export function agreementStatusOn(
  stored: AgreementStatus,
  expiresOn: string | null,
  today: string,
): AgreementStatus {
  if (stored === 'planned' || stored === 'renewed') return stored;
  if (expiresOn === null) return 'active';
  if (today > expiresOn) return 'expired';
  if (today >= renewalDueFrom(expiresOn)) return 'renewal-due';
  return 'active';
}

/** The first day an agreement expiring on `expiresOn` is due for renewal. */
export function renewalDueFrom(expiresOn: string): string {
  return DateTime.fromISO(expiresOn, { zone: 'utc' })
    .minus({ days: RENEWAL_LEAD_DAYS })
    .toISODate() as string;
}

/** Today's calendar date in UTC, the programme's day for agreement statuses. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** What is stored for a status an organiser sends: the date-driven ones are all "signed". */
export function storedStatus(status: AgreementStatus): AgreementStatus {
  return status === 'renewal-due' || status === 'expired' ? 'active' : status;
}
