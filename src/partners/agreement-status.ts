import type { AgreementStatus } from './partners.wire';

/** TEMPORARY (demo branch): replaced by the shared rule when the report branch lands. */
export function effectiveAgreementStatus(
  agreement: { status: AgreementStatus; signedOn: string | null; expiresOn: string | null },
  today: Date,
): AgreementStatus {
  if (agreement.status === 'planned' || agreement.status === 'renewed') return agreement.status;
  if (!agreement.expiresOn) return 'active';
  const days = (Date.parse(agreement.expiresOn) - today.getTime()) / 86_400_000;
  if (days < 0) return 'expired';
  return days <= 180 ? 'renewal-due' : 'active';
}
