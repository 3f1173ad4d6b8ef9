import type { Agreement } from './agreement.entity';
import { agreementStatusOn } from './agreement-status';
import type { Partner } from './partner.entity';
import type { WireAgreement, WirePartner } from './partners.wire';

/** An agreement on the wire, its status as of `today`; `renewedBy` from the agreements of its partner. */
export function toAgreementView(
  agreement: Agreement,
  today: string,
  renewedBy: string | null,
): WireAgreement {
  return {
    id: agreement.id,
    partnerId: agreement.partnerId,
    title: agreement.title,
    signedOn: agreement.signedOn,
    expiresOn: agreement.expiresOn,
    counterpart: agreement.counterpart,
    priorityAreas: agreement.priorityAreas,
    forms: agreement.forms,
    documentUrl: agreement.documentUrl,
    status: agreementStatusOn(agreement.status, agreement.expiresOn, today),
    renews: agreement.renewsId,
    renewedBy,
    createdAt: agreement.createdAt.toISOString(),
    updatedAt: agreement.updatedAt.toISOString(),
  };
}

/** Newest signed first; planned ones (no date yet) before them. */
function byDateDescending(a: Agreement, b: Agreement): number {
  const x = a.signedOn ?? '9999-12-31';
  const y = b.signedOn ?? '9999-12-31';
  return x === y ? a.createdAt.getTime() - b.createdAt.getTime() : x < y ? 1 : -1;
}

export function toPartnerView(
  partner: Partner,
  agreements: Agreement[],
  today: string,
): WirePartner {
  const renewedBy = new Map<string, string>();
  for (const agreement of agreements) {
    if (agreement.renewsId) renewedBy.set(agreement.renewsId, agreement.id);
  }
  return {
    id: partner.id,
    country: partner.country,
    name: partner.name,
    agencies: partner.agencies,
    priorityAreas: partner.priorityAreas,
    notes: partner.notes,
    agreements: [...agreements]
      .sort(byDateDescending)
      .map((agreement) => toAgreementView(agreement, today, renewedBy.get(agreement.id) ?? null)),
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}
