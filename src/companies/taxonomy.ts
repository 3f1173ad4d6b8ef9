/** The taxonomy of SPEC.md, kept in code and served at GET /api/taxonomy. */

export const SECTORS = [
  'e-commerce',
  'e-government',
  'internet-applications',
  'ict-research',
  'wireless-mobile',
  'information-security',
  'smart-cards-payments',
  'multimedia',
  'telecommunications',
  'software',
  'hardware',
  'it-services',
  'digital-entertainment',
  'fintech',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PARTNER_TYPES = [
  'distributor',
  'reseller',
  'joint-venture',
  'investment',
  'technology-licensing',
  'research-partner',
  'supplier',
  'customer',
  'outsourcing',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const EMPLOYEE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type EmployeeBand = (typeof EMPLOYEE_BANDS)[number];

/** Human labels, so that clients need not invent them. */
const LABELS: Record<Sector | PartnerType, string> = {
  'e-commerce': 'E-commerce',
  'e-government': 'E-government',
  'internet-applications': 'Internet applications',
  'ict-research': 'ICT research',
  'wireless-mobile': 'Wireless and mobile',
  'information-security': 'Information security',
  'smart-cards-payments': 'Smart cards and payments',
  multimedia: 'Multimedia',
  telecommunications: 'Telecommunications',
  software: 'Software',
  hardware: 'Hardware',
  'it-services': 'IT services',
  'digital-entertainment': 'Digital entertainment',
  fintech: 'Fintech',
  distributor: 'Distributor',
  reseller: 'Reseller',
  'joint-venture': 'Joint venture',
  investment: 'Investment',
  'technology-licensing': 'Technology licensing',
  'research-partner': 'Research partner',
  supplier: 'Supplier',
  customer: 'Customer',
  outsourcing: 'Outsourcing',
};

/** A sector's or partner type's label as it reads inside a sentence ("smart cards and payments"). */
export function taxonomyPhrase(id: string): string {
  const label = (LABELS as Record<string, string | undefined>)[id];
  if (!label) return id;
  // "ICT research" and "IT services" keep their capitals; "E-commerce" becomes "e-commerce".
  return /^[A-Z][a-z-]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

export interface TaxonomyEntry {
  id: string;
  label: string;
}

export interface Taxonomy {
  sectors: TaxonomyEntry[];
  partnerTypes: TaxonomyEntry[];
  employeeBands: string[];
}

export function describeTaxonomy(): Taxonomy {
  return {
    sectors: SECTORS.map((id) => ({ id, label: LABELS[id] })),
    partnerTypes: PARTNER_TYPES.map((id) => ({ id, label: LABELS[id] })),
    employeeBands: [...EMPLOYEE_BANDS],
  };
}
