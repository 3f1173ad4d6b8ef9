import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { Agreement } from '../partners/agreement.entity';
import { Partner } from '../partners/partner.entity';

/**
 * Checks the partner economy and agreement a seminar is held under: the partner must exist, and
 * the agreement must exist and belong to it (an agreement without a partner is refused too). A
 * 400 names the field. Returns the partner, for the view.
 *
 * The same rule holds for delegations and sessions (src/partners/activity-link.ts, written in
 * parallel): the two should become one function when the branches meet.
 */
export async function checkActivityLink(
  manager: EntityManager,
  link: { partnerId: string | null; agreementId: string | null },
): Promise<Partner | null> {
  if (link.agreementId && !link.partnerId) {
    throw AppError.invalid(
      { partnerId: ['is required with agreementId: name the partner the agreement is with'] },
      { partnerId: [{ rule: 'required', params: {} }] },
    );
  }
  if (!link.partnerId) return null;
  const partner = await manager.findOneBy(Partner, { id: link.partnerId });
  if (!partner) {
    throw AppError.invalid(
      { partnerId: ['must be an existing partner economy'] },
      { partnerId: [{ rule: 'exists', params: {} }] },
    );
  }
  if (link.agreementId) {
    const agreement = await manager.findOneBy(Agreement, { id: link.agreementId });
    if (!agreement || agreement.partnerId !== partner.id) {
      throw AppError.invalid(
        { agreementId: ["must be one of the partner economy's agreements"] },
        { agreementId: [{ rule: 'exists', params: {} }] },
      );
    }
  }
  return partner;
}
