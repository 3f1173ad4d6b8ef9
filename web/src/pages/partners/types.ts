import type { components } from '../../api/schema';

export type Partner = components['schemas']['WirePartner'];
export type Agreement = components['schemas']['WireAgreement'];
export type PartnerActivities = components['schemas']['WirePartnerActivities'];
export type PartnerBody = components['schemas']['CreatePartnerDto'];
export type AgreementBody = components['schemas']['CreateAgreementDto'];

export {
  AGREEMENT_STATUSES,
  COOPERATION_FORMS,
  PARTNER_LIMITS,
  RENEWAL_LEAD_DAYS,
  type AgreementStatus,
  type CooperationForm,
} from '../../../../src/partners/partners.wire';
