import type { Company } from './company.entity';
import type { MemberRole } from './company-member.entity';
import type { WireCompany } from '../live/live.wire';
import type { CompanyStatus } from './company.wire';

/** Declared once, in the file of wire types the web app shares. */
export type CompanyView = WireCompany;

/** A company as one of its users sees it in `GET /api/auth/me`. */
export interface MembershipView {
  companyId: string;
  name: string;
  country: string;
  status: CompanyStatus;
  role: MemberRole;
}

/**
 * A company as the API shows it. `insider`: the reader is one of its users or an organiser, who
 * alone read why it was rejected.
 */
export function toCompanyView(company: Company, insider = false): CompanyView {
  return {
    id: company.id,
    name: company.name,
    country: company.country,
    city: company.city,
    website: company.website,
    description: company.description,
    sectors: company.sectors,
    offers: company.offers,
    seeks: company.seeks,
    partnerTypes: company.partnerTypes,
    targetMarkets: company.targetMarkets,
    languages: company.languages,
    timezone: company.timezone,
    employees: company.employees,
    status: company.status,
    statusChangedAt: company.statusChangedAt?.toISOString() ?? null,
    statusReason: insider && company.status === 'rejected' ? company.statusReason : null,
    createdAt: company.createdAt.toISOString(),
    updatedAt: company.updatedAt.toISOString(),
  };
}
