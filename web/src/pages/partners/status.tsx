import type { Translate } from '../../i18n';
import type { Agreement, AgreementStatus, Partner } from './types';

/** An agreement as one line of a choice: its title, its status and its years. */
export function agreementLabel(agreement: Agreement, t: Translate): string {
  const years = [agreement.signedOn, agreement.expiresOn]
    .filter((date): date is string => date !== null)
    .map((date) => date.slice(0, 4))
    .join('–');
  return `${agreement.title} (${t(`partners.status.${agreement.status}`)}${years ? `, ${years}` : ''})`;
}

/**
 * The agreement a partner economy is at, at a glance: a renewal due first, then an active one,
 * then a planned one, else the newest.
 */
export function currentAgreement(partner: Partner): Agreement | undefined {
  const order: AgreementStatus[] = ['renewal-due', 'active', 'planned', 'expired', 'renewed'];
  return [...partner.agreements].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status),
  )[0];
}

/** A status as a badge; a renewal due stands out. */
export function StatusBadge({ status, t }: { status: AgreementStatus; t: Translate }) {
  return <span className={`badge agreement-${status}`}>{t(`partners.status.${status}`)}</span>;
}
