import type { Sector } from '../../companies/taxonomy';
import type { Outcome } from '../../meetings/meeting.wire';
import type { ValueBand } from '../../follow-ups/follow-ups.wire';
import type { CooperationForm } from '../../partners/partners.wire';
import type { SeminarKind } from '../../seminars/seminars.wire';

/**
 * The cooperation programme of the demo (issue 18), as in the government paper the product comes
 * from: Hong Kong signed ICT cooperation agreements with eleven economies from May 1998, planned
 * one with Ireland, and reported on delegations, seminars and video trade matching under them.
 *
 * The paper was written in December 2002, when the Canadian agreement (May 1998 to May 2003) was
 * due to be renewed. The demo replays that calendar with TODAY standing for December 2002: every
 * date keeps its month and its distance from the paper's December, so the Canadian agreement is
 * due for renewal in May, five months from whenever the demo is loaded, and the others run on.
 */
export const STORY_MONTH = { year: 2002, month: 12 } as const;

export interface DemoAgreement {
  title: string;
  /** The paper's dates (YYYY-MM-DD), moved to today's calendar when seeded. */
  signedOn: string | null;
  expiresOn: string | null;
  counterpart: string;
  priorityAreas: Sector[];
  forms: CooperationForm[];
  /** Planned (not yet signed) agreements have no dates. */
  planned?: boolean;
}

export interface DemoPartner {
  country: string;
  name: string;
  agencies: string[];
  priorityAreas: Sector[];
  notes: string;
  agreements: DemoAgreement[];
}

const CORE: Sector[] = ['e-commerce', 'e-government', 'internet-applications', 'ict-research'];

/** One five-year memorandum of understanding on ICT cooperation, signed on `signedOn`. */
function mou(
  country: string,
  signedOn: string,
  counterpart: string,
  extra: Sector[],
  forms: CooperationForm[],
): DemoAgreement {
  const [year, month, day] = signedOn.split('-').map(Number);
  const expires = new Date(Date.UTC(year + 5, month - 1, day - 1)).toISOString().slice(0, 10);
  return {
    title: `Memorandum of Understanding on ICT Cooperation (Hong Kong – ${country})`,
    signedOn,
    expiresOn: expires,
    counterpart,
    priorityAreas: [...CORE, ...extra],
    forms,
  };
}

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    country: 'CA',
    name: 'Canada',
    agencies: ['Industry Canada', 'Canadian Consulate General in Hong Kong'],
    priorityAreas: [...CORE, 'wireless-mobile', 'information-security', 'smart-cards-payments'],
    notes:
      'The first agreement of the programme. Due for renewal when the Minister of Industry leads a delegation to Hong Kong in December.',
    agreements: [
      mou(
        'Canada',
        '1998-05-12',
        'Industry Canada',
        ['wireless-mobile', 'information-security'],
        ['delegations', 'video-matching', 'seminars', 'information-exchange'],
      ),
    ],
  },
  {
    country: 'AU',
    name: 'Australia',
    agencies: ['Department of Communications, Information Technology and the Arts'],
    priorityAreas: [...CORE, 'smart-cards-payments'],
    notes: '',
    agreements: [
      mou(
        'Australia',
        '1998-09-21',
        'Department of Communications, Information Technology and the Arts',
        [],
        ['delegations', 'seminars', 'information-exchange'],
      ),
    ],
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    agencies: ['Department of Trade and Industry'],
    priorityAreas: [...CORE, 'fintech'],
    notes: '',
    agreements: [
      mou(
        'the United Kingdom',
        '1999-03-15',
        'Department of Trade and Industry',
        ['fintech'],
        ['delegations', 'video-matching', 'exhibitions'],
      ),
    ],
  },
  {
    country: 'FI',
    name: 'Finland',
    agencies: ['Ministry of Transport and Communications', 'Finpro'],
    priorityAreas: [...CORE, 'wireless-mobile'],
    notes: 'Outbound missions to Helsinki and Oulu on mobile services.',
    agreements: [
      mou(
        'Finland',
        '1999-06-08',
        'Ministry of Transport and Communications',
        ['wireless-mobile'],
        ['delegations', 'workshops', 'joint-research'],
      ),
    ],
  },
  {
    country: 'IN',
    name: 'India',
    agencies: ['Ministry of Information Technology'],
    priorityAreas: [...CORE, 'software', 'it-services'],
    notes: '',
    agreements: [
      mou(
        'India',
        '1999-11-26',
        'Ministry of Information Technology',
        ['software'],
        ['delegations', 'seminars'],
      ),
    ],
  },
  {
    country: 'IL',
    name: 'Israel',
    agencies: ['Ministry of Industry and Trade'],
    priorityAreas: [...CORE, 'information-security'],
    notes: '',
    agreements: [
      mou(
        'Israel',
        '2000-01-17',
        'Ministry of Industry and Trade',
        ['information-security'],
        ['delegations', 'joint-research'],
      ),
    ],
  },
  {
    country: 'KR',
    name: 'South Korea',
    agencies: ['Ministry of Information and Communication'],
    priorityAreas: [...CORE, 'wireless-mobile', 'digital-entertainment'],
    notes: '',
    agreements: [
      mou(
        'South Korea',
        '2000-05-29',
        'Ministry of Information and Communication',
        ['digital-entertainment'],
        ['delegations', 'seminars', 'exhibitions'],
      ),
    ],
  },
  {
    country: 'DE',
    name: 'Germany',
    agencies: ['Federal Ministry of Economics and Technology'],
    priorityAreas: [...CORE, 'information-security'],
    notes: '',
    agreements: [
      mou(
        'Germany',
        '2000-09-12',
        'Federal Ministry of Economics and Technology',
        [],
        ['delegations', 'exhibitions', 'information-exchange'],
      ),
    ],
  },
  {
    country: 'FR',
    name: 'France',
    agencies: ['Ministry of the Economy, Finance and Industry'],
    priorityAreas: [...CORE, 'smart-cards-payments'],
    notes: 'Smart cards and electronic payment: a seminar with French firms in Hong Kong.',
    agreements: [
      mou(
        'France',
        '2001-03-05',
        'Ministry of the Economy, Finance and Industry',
        ['smart-cards-payments'],
        ['seminars', 'workshops', 'delegations'],
      ),
    ],
  },
  {
    country: 'NL',
    name: 'The Netherlands',
    agencies: ['Ministry of Economic Affairs'],
    priorityAreas: [...CORE, 'telecommunications'],
    notes: '',
    agreements: [
      mou(
        'the Netherlands',
        '2001-06-18',
        'Ministry of Economic Affairs',
        [],
        ['delegations', 'information-exchange'],
      ),
    ],
  },
  {
    country: 'IT',
    name: 'Italy',
    agencies: ['Ministry of Communications'],
    priorityAreas: [...CORE, 'multimedia'],
    notes: '',
    agreements: [
      mou(
        'Italy',
        '2002-02-25',
        'Ministry of Communications',
        ['multimedia'],
        ['delegations', 'seminars'],
      ),
    ],
  },
  {
    country: 'IE',
    name: 'Ireland',
    agencies: ['Department of Public Enterprise'],
    priorityAreas: [...CORE],
    notes: 'An agreement is planned.',
    agreements: [
      {
        title: 'Memorandum of Understanding on ICT Cooperation (Hong Kong – Ireland)',
        signedOn: null,
        expiresOn: null,
        counterpart: 'Department of Public Enterprise',
        priorityAreas: [...CORE],
        forms: ['delegations', 'information-exchange'],
        planned: true,
      },
    ],
  },
];

/** Which partner economy the other demo activities are held under, by their titles. */
export const DEMO_ACTIVITY_PARTNERS: Record<string, string> = {
  'Hong Kong – Canada ICT Business Matching (video conference)': 'CA',
  'Live now: Hong Kong – Canada fintech speed matching (video)': 'CA',
  'Hong Kong ICT Mission to Finland': 'FI',
};

export interface DemoSeminar {
  title: string;
  kind: SeminarKind;
  description: string;
  partner: string;
  /** Days from the seeding day (negative: past), at 14:30 Hong Kong time. */
  inDays: number;
  hours: number;
  venue: string | null;
  videoUrl: string | null;
  capacity: number;
  /** Registered firms' owners, by company name; past seminars' were all checked in but the last. */
  registrations: string[];
}

export const DEMO_SEMINARS: DemoSeminar[] = [
  {
    title: 'Smart Cards and Electronic Payment: a Hong Kong – France Seminar',
    kind: 'seminar',
    description:
      'French smart-card and payment firms present their work; Hong Kong issuers and acquirers ask how it fits the Octopus and EMV markets. Followed by table talks.',
    partner: 'FR',
    inDays: 16,
    hours: 3,
    venue: 'Hong Kong Convention and Exhibition Centre, Room S421',
    videoUrl: 'https://meet.trade-match.demo/hk-fr-smart-cards',
    capacity: 40,
    registrations: [
      'Carte Azur SA',
      'Dauphiné Capteurs',
      'Harbour Pay Systems',
      'Kowloon Card Technologies',
      'Sampan Trade Finance',
    ],
  },
  {
    title: 'Mobile Services Workshop with Finnish Firms',
    kind: 'workshop',
    description: 'How Finnish operators and developers built mobile services; hands-on sessions.',
    partner: 'FI',
    inDays: -60,
    hours: 4,
    venue: 'Cyberport, Hong Kong',
    videoUrl: null,
    capacity: 30,
    registrations: [
      'Saimaa Mobile Oy',
      'Kuura Security Oy',
      'Jade Wireless Ltd',
      'Bauhinia Mobile Solutions',
      'Pearl Delta Apps',
    ],
  },
];

/** A held meeting of a past session: the two firms, each side's rating, and what came of it. */
export interface DemoPastMeeting {
  firms: [string, string];
  ratings: [number, number];
  /** The outcome each side gave as feedback on the day. */
  feedback: Outcome;
  /** The first firm's answers to the follow-ups, by months after the session. */
  answers: { months: number; outcome: Outcome; valueBand?: ValueBand; note?: string }[];
}

export interface DemoPastSession {
  title: string;
  description: string;
  partner: string;
  /** Months before the seeding day (at 07:30 Hong Kong time), three hours long. */
  monthsAgo: number;
  sides: [string[], string[]];
  meetings: DemoPastMeeting[];
  /** A meeting planned but not held. */
  noShow: [string, string];
}

export const DEMO_PAST_SESSIONS: DemoPastSession[] = [
  {
    title: 'Hong Kong – Canada Wireless and Security Matching (video conference)',
    description:
      'Last year’s video matching between Hong Kong and Canadian wireless and security firms.',
    partner: 'CA',
    monthsAgo: 13,
    sides: [['HK'], ['CA']],
    meetings: [
      {
        firms: ['Victoria Peak Security Ltd', 'Northern Cipher Inc.'],
        ratings: [5, 4],
        feedback: 'follow-up',
        answers: [
          { months: 3, outcome: 'negotiating' },
          {
            months: 6,
            outcome: 'agreement-signed',
            valueBand: '100k-1m',
            note: 'Co-selling agreement for managed security in Asia.',
          },
        ],
      },
      {
        firms: ['Jade Wireless Ltd', 'Cascadia Wireless Labs'],
        ratings: [4, 4],
        feedback: 'follow-up',
        answers: [
          { months: 3, outcome: 'follow-up' },
          { months: 6, outcome: 'negotiating' },
        ],
      },
      {
        firms: ['Dragonfly Identity Ltd', 'Kestrel Identity Corp'],
        ratings: [3, 2],
        feedback: 'none',
        answers: [{ months: 3, outcome: 'none' }],
      },
    ],
    noShow: ['Fragrant Harbour Telecom', 'Aurora Telecom Networks'],
  },
  {
    title: 'Hong Kong – Canada E-commerce Video Matching',
    description: 'Video matching between Hong Kong and Canadian e-commerce and payment firms.',
    partner: 'CA',
    monthsAgo: 7,
    sides: [['HK'], ['CA']],
    meetings: [
      {
        firms: ['Harbour Pay Systems', 'Maple Channel Partners'],
        ratings: [5, 5],
        feedback: 'negotiating',
        answers: [
          {
            months: 3,
            outcome: 'agreement-signed',
            valueBand: '1m-10m',
            note: 'Distribution agreement for NFC terminals in Ontario.',
          },
          { months: 6, outcome: 'agreement-signed', valueBand: '1m-10m' },
        ],
      },
      {
        firms: ['Lantau Commerce Cloud', 'Pacific Rim Commerce Inc.'],
        ratings: [4, 3],
        feedback: 'follow-up',
        answers: [
          { months: 3, outcome: 'negotiating' },
          { months: 6, outcome: 'negotiating', note: 'Pilot with two retailers in Vancouver.' },
        ],
      },
      {
        firms: ['Mong Kok Retail Tech', 'Great Lakes Payments'],
        ratings: [4, 4],
        feedback: 'follow-up',
        answers: [{ months: 3, outcome: 'follow-up' }],
      },
      {
        firms: ['Kowloon Card Technologies', 'Loonie Point Systems'],
        ratings: [3, 4],
        feedback: 'none',
        answers: [],
      },
    ],
    noShow: ['Pearl Delta Apps', 'Timberline Cloud Services'],
  },
  {
    title: 'Hong Kong – United Kingdom Open Banking Matching (video conference)',
    description: 'Hong Kong and British fintech firms on open banking and payments.',
    partner: 'GB',
    monthsAgo: 4,
    sides: [['HK'], ['GB']],
    meetings: [
      {
        firms: ['Kai Tak Wealth Technologies', 'Thameside Open Banking Ltd'],
        ratings: [5, 4],
        feedback: 'follow-up',
        answers: [{ months: 3, outcome: 'negotiating' }],
      },
      {
        firms: ['Sampan Trade Finance', 'Irwell Digital Services'],
        ratings: [3, 3],
        feedback: 'none',
        answers: [{ months: 3, outcome: 'none' }],
      },
    ],
    noShow: ['Harbour Pay Systems', 'Fenland Silicon'],
  },
];
