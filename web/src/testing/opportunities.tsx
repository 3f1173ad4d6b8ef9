import { useLocation } from 'react-router';
import type { Membership, User } from '../api';
import type { Opportunity, OpportunityInterest } from '../pages/opportunities/types';

/** Ids of the opportunity tests: UUIDs, as the API gives them. */
export const IDS = {
  post: '4f0c8a52-3c1e-4b7a-9d1e-0a6c2b9e8c01',
  project: '4f0c8a52-3c1e-4b7a-9d1e-0a6c2b9e8c02',
  maple: '0b9a620a-c0ec-48d1-96bf-af0c3a671468',
  harbour: 'ffc9e3a7-0861-4b9a-b636-86a608781f79',
  conversation: '7d1e2f3a-1111-4c8e-9f21-0d6a2b9e8c12',
};

/** A firm's offer on the board (Maple Ledger's), as the API gives it, unranked. */
export function opportunityFixture(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id: IDS.post,
    kind: 'offer',
    title: 'Payment gateways for Hong Kong retail',
    description: 'We run payment gateways for retail chains and look for a partner in Asia.',
    sectors: ['fintech'],
    countries: ['HK', 'CA'],
    partnerTypes: ['distributor'],
    deadline: null,
    link: null,
    partnerCountry: null,
    company: { id: IDS.maple, name: 'Maple Ledger', country: 'CA' },
    postedBy: { id: 'u1', name: 'Ada' },
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    open: true,
    canEdit: false,
    interestCount: null,
    interested: false,
    score: null,
    reasons: [],
    ...overrides,
  };
}

/** An organiser's partner-government project, with its source and deadline. */
export function projectFixture(overrides: Partial<Opportunity> = {}): Opportunity {
  return opportunityFixture({
    id: IDS.project,
    kind: 'project',
    title: 'Smart city payments pilot',
    company: null,
    partnerCountry: 'FI',
    link: 'https://tenders.example.fi/42',
    deadline: '2026-12-19T15:59:59.999Z',
    partnerTypes: [],
    ...overrides,
  });
}

/** Harbour Pay's interest in a post. */
export function interestFixture(overrides: Partial<OpportunityInterest> = {}): OpportunityInterest {
  return {
    id: 'i1',
    opportunityId: IDS.project,
    company: { id: IDS.harbour, name: 'Harbour Pay', country: 'HK' },
    user: { id: 'u2', name: 'Bo' },
    email: 'bo@harbourpay.example',
    message: 'We run contactless payments in Hong Kong.',
    conversationId: null,
    createdAt: '2026-12-05T02:00:00.000Z',
    ...overrides,
  };
}

/** The taxonomy as `GET /api/taxonomy` gives it: two sectors and a partnership kind. */
export const TAXONOMY = {
  sectors: [
    { id: 'fintech', label: 'Fintech' },
    { id: 'e-commerce', label: 'E-commerce' },
  ],
  partnerTypes: [{ id: 'distributor', label: 'Distributor' }],
  employeeBands: ['1-9'],
};

export const MEMBER = { id: 'u1', name: 'Bo', role: 'member' } as User;
export const ORGANISER = { id: 'u9', name: 'Grace', role: 'organiser' } as User;

/** The reader's verified company, as the account lists it. */
export function verifiedMembership(companyId: string, name: string): Membership {
  return { companyId, name, status: 'verified', role: 'owner' } as Membership;
}

/** Where the app is (path and query): the address a page writes its filters to or goes to. */
export function Address() {
  const location = useLocation();
  return <output aria-label="address">{location.pathname + location.search}</output>;
}
