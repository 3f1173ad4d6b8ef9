import type { PartnerType, Sector } from '../../companies/taxonomy';
import type { OpportunityKind } from '../../opportunities/opportunity.wire';

/** A post of the demo's opportunities board: by a demo firm's owner, or by a demo organiser. */
export interface DemoOpportunity {
  kind: OpportunityKind;
  title: string;
  description: string;
  sectors: Sector[];
  countries: string[];
  partnerTypes: PartnerType[];
  /** Days from the day the demo is loaded to the deadline; null: open-ended. */
  deadlineInDays: number | null;
  link: string | null;
  partnerCountry: string | null;
  /** The posting firm (a demo company's name), for an offer or a request. */
  company: string | null;
  /** The posting organiser's email, for a project or market information. */
  organiser: string | null;
}

/**
 * The board after `npm start`: a Canadian distributor's offer and a Hong Kong payments firm's
 * request that meet each other, a Finnish firm's offer, a partner-government ICT project with a
 * deadline next month and a market brief from the Canadian export agency.
 */
export const DEMO_OPPORTUNITIES: readonly DemoOpportunity[] = [
  {
    kind: 'offer',
    title: 'Nationwide channel for payment terminals and wallets in Canada',
    description:
      'Maple Channel Partners places payment and security products with 1,400 retailers, credit unions and integrators across Canada. We take on two Asian terminal or wallet makers a year: certification support, stock, after-sales service in English and French.',
    sectors: ['smart-cards-payments', 'it-services'],
    countries: ['HK', 'KR'],
    partnerTypes: ['distributor', 'reseller'],
    deadlineInDays: null,
    link: 'https://www.maplechannel.ca',
    partnerCountry: null,
    company: 'Maple Channel Partners',
    organiser: null,
  },
  {
    kind: 'request',
    title: 'EMV certification partner for our NFC terminals in North America',
    description:
      'Harbour Pay Systems brings its NFC terminals and wallet SDK to Canada in the coming year and looks for a laboratory or integrator with EMV and Interac certification experience, and for fraud-detection technology to license.',
    sectors: ['smart-cards-payments', 'fintech'],
    countries: ['CA'],
    partnerTypes: ['technology-licensing', 'joint-venture'],
    deadlineInDays: 90,
    link: 'https://www.harbourpay.hk',
    partnerCountry: null,
    company: 'Harbour Pay Systems',
    organiser: null,
  },
  {
    kind: 'offer',
    title: 'Secure messaging for public agencies, with resellers wanted in Asia',
    description:
      'Kuura Security offers its end-to-end encrypted messaging, trusted by Nordic public agencies, to resellers and integrators serving governments and banks in Hong Kong and Canada.',
    sectors: ['information-security', 'e-government'],
    countries: ['HK', 'CA'],
    partnerTypes: ['reseller', 'distributor'],
    deadlineInDays: null,
    link: 'https://www.kuurasecurity.fi',
    partnerCountry: null,
    company: 'Kuura Security Oy',
    organiser: null,
  },
  {
    kind: 'project',
    title: 'Digital identity and e-services platform for Finnish municipalities',
    description:
      'A consortium of Finnish municipalities tenders a shared digital identity and e-services platform (strong authentication, mobile access, accessible forms). Foreign firms may bid with a Finnish partner; the Hong Kong trade-promotion office introduces interested firms at the Espoo site visit of the ICT mission to Finland.',
    sectors: ['e-government', 'information-security', 'software'],
    countries: ['HK'],
    partnerTypes: ['joint-venture', 'supplier'],
    deadlineInDays: 30,
    link: 'https://www.hankintailmoitukset.fi',
    partnerCountry: 'FI',
    company: null,
    organiser: 'grace.lau@hktpo.demo',
  },
  {
    kind: 'market-info',
    title: 'Open banking in Canada: what it means for Hong Kong fintech firms',
    description:
      "Canada's consumer-driven banking framework opens account data to accredited firms from the coming year. A brief from the Canadian export agency on accreditation, the payment rails and the provinces where pilots run, for fintech and payment firms planning to enter.",
    sectors: ['fintech', 'smart-cards-payments'],
    countries: ['HK'],
    partnerTypes: [],
    deadlineInDays: null,
    link: 'https://www.tradecommissioner.gc.ca',
    partnerCountry: 'CA',
    company: null,
    organiser: 'daniel.tremblay@canexport.demo',
  },
];
