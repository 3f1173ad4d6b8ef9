import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { Agreement } from './agreement.entity';
import { Partner } from './partner.entity';
import type { WirePartnerRef } from './partners.wire';

/** What an activity is held under, checked: the partner economy (as views show it) and agreement. */
export interface ActivityLink {
  partnerId: string | null;
  agreementId: string | null;
  partner: WirePartnerRef | null;
}

/**
 * Checks the partner economy and agreement a session, delegation or seminar is held under, for
 * create and edit alike (pass the values the activity will have: for a PATCH, the sent ones over
 * the stored ones). An unknown partner is a 400 naming `partnerId`; an agreement that is unknown
 * or of another partner a 400 naming `agreementId`. An agreement without a partner takes the
 * agreement's partner. Read in the caller's transaction so that it sees what it writes.
 */
export async function checkActivityLink(
  manager: EntityManager,
  partnerId: string | null | undefined,
  agreementId: string | null | undefined,
): Promise<ActivityLink> {
  const agreement = agreementId
    ? await manager.findOne(Agreement, {
        where: { id: agreementId },
        select: { id: true, partnerId: true },
      })
    : null;
  if (agreementId && !agreement) {
    throw AppError.invalid(
      { agreementId: ['must be an agreement of the partner economy'] },
      { agreementId: [{ rule: 'agreementOfPartner' }] },
    );
  }
  const wanted = partnerId ?? agreement?.partnerId ?? null;
  if (wanted === null) return { partnerId: null, agreementId: null, partner: null };
  const partner = await manager.findOne(Partner, {
    where: { id: wanted },
    select: { id: true, country: true, name: true },
  });
  if (!partner) {
    throw AppError.invalid(
      { partnerId: ['must be a partner economy'] },
      { partnerId: [{ rule: 'exists' }] },
    );
  }
  if (agreement && agreement.partnerId !== partner.id) {
    throw AppError.invalid(
      { agreementId: ['must be an agreement of the partner economy'] },
      { agreementId: [{ rule: 'agreementOfPartner' }] },
    );
  }
  return {
    partnerId: partner.id,
    agreementId: agreement?.id ?? null,
    partner: { id: partner.id, country: partner.country, name: partner.name },
  };
}

/** The partner economy as activity views show it, from a loaded relation. */
export function partnerRef(partner: Partner | null | undefined): WirePartnerRef | null {
  return partner ? { id: partner.id, country: partner.country, name: partner.name } : null;
}

/**
 * The partner and agreement an activity will have after a PATCH: the sent values over the stored
 * ones. Clearing the partner (`partnerId: null`) without naming an agreement clears the agreement
 * too, rather than finding the partner again through it.
 */
export function linkAfterChange(
  stored: { partnerId: string | null; agreementId: string | null },
  changes: { partnerId?: string | null; agreementId?: string | null },
): { partnerId: string | null; agreementId: string | null } {
  const partnerId = changes.partnerId !== undefined ? changes.partnerId : stored.partnerId;
  const agreementId =
    changes.agreementId !== undefined
      ? changes.agreementId
      : changes.partnerId === null
        ? null
        : stored.agreementId;
  return { partnerId, agreementId };
}
