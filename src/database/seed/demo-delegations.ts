import type { DateTime } from 'luxon';
import type {
  ApplicationStatus,
  Direction,
  ItineraryKind,
} from '../../delegations/delegation.wire';

export interface DemoItineraryItem {
  /** Day of the delegation, 1 = startsOn. */
  day: number;
  /** Local wall-clock times, HH:mm, in the delegation's zone. */
  from: string;
  to: string;
  kind: ItineraryKind;
  title: string;
  location: string;
}

export interface DemoDelegation {
  title: string;
  direction: Direction;
  originCountry: string;
  destinationCountry: string;
  city: string;
  leader: string;
  /** Days from the seeding day to the first day, so the demo is always ahead. */
  startsInDays: number;
  days: number;
  timezone: string;
  capacity: number;
  description: string;
  itinerary: DemoItineraryItem[];
  /** Company names with the state of their application, in the order they applied. */
  applications: [string, ApplicationStatus][];
}

export const DEMO_DELEGATIONS: DemoDelegation[] = [
  {
    title: 'Hong Kong ICT Mission to Finland',
    direction: 'outbound',
    originCountry: 'HK',
    destinationCountry: 'FI',
    city: 'Helsinki',
    leader: 'Grace Lau, HK Trade Promotion Office',
    startsInDays: 75,
    days: 5,
    timezone: 'Europe/Helsinki',
    capacity: 8,
    description:
      'Hong Kong wireless, security and e-payment firms meet the Finnish ICT cluster: a market briefing, ' +
      'visits to the Otaniemi innovation campus and a 5G test network, and a day of one-to-one business matching.',
    itinerary: [
      {
        day: 1,
        from: '18:00',
        to: '20:00',
        kind: 'reception',
        title: 'Welcome reception with the Finland–Hong Kong business council',
        location: 'Hotel Kämp, Pohjoisesplanadi 29, Helsinki',
      },
      {
        day: 2,
        from: '09:00',
        to: '12:00',
        kind: 'seminar',
        title: 'Doing business in Finland and the Nordics',
        location: 'Business Finland, Porkkalankatu 1, Helsinki',
      },
      {
        day: 2,
        from: '14:00',
        to: '17:00',
        kind: 'site-visit',
        title: 'Otaniemi innovation campus and start-up hub',
        location: 'Otakaari 1, Espoo',
      },
      {
        day: 3,
        from: '08:30',
        to: '16:30',
        kind: 'site-visit',
        title: '5G test network and smart-city pilots',
        location: 'Oulu (flight from Helsinki at 07:00)',
      },
      {
        day: 4,
        from: '09:00',
        to: '17:00',
        kind: 'matching-session',
        title: 'Business matching: Hong Kong and Finnish ICT firms',
        location: 'Messukeskus Expo and Convention Centre, Helsinki',
      },
      {
        day: 5,
        from: '10:00',
        to: '12:00',
        kind: 'meeting',
        title: 'Debrief and follow-up planning',
        location: 'Hotel Kämp, Helsinki',
      },
    ],
    applications: [
      ['Harbour Pay Systems', 'accepted'],
      ['Victoria Peak Security Ltd', 'accepted'],
      ['Jade Wireless Ltd', 'accepted'],
      ['Kowloon Card Technologies', 'accepted'],
      ['Dragonfly Identity Ltd', 'accepted'],
      ['Fragrant Harbour Telecom', 'accepted'],
      ['Lantau Commerce Cloud', 'accepted'],
      ['Bauhinia Mobile Solutions', 'accepted'],
      ['Orient Secure Hardware', 'waitlisted'],
      ['Pearl Delta Apps', 'waitlisted'],
      ['Mong Kok Retail Tech', 'pending'],
      ['Neon Lantern Studios', 'pending'],
    ],
  },
  {
    title: 'Canadian ICT Delegation to the Hong Kong ICT Expo',
    direction: 'inbound',
    originCountry: 'CA',
    destinationCountry: 'HK',
    city: 'Hong Kong',
    leader: 'Daniel Tremblay, Canadian Export Agency',
    startsInDays: 120,
    days: 4,
    timezone: 'Asia/Hong_Kong',
    capacity: 12,
    description:
      'Canadian firms in e-commerce, security and payments exhibit at the Hong Kong ICT Expo, visit the ' +
      "city's technology parks and meet Hong Kong partners for distribution into Greater China and Asia.",
    itinerary: [
      {
        day: 1,
        from: '19:00',
        to: '21:00',
        kind: 'reception',
        title: 'Welcome dinner with the Canadian Chamber of Commerce',
        location: 'Central, Hong Kong',
      },
      {
        day: 2,
        from: '10:00',
        to: '18:00',
        kind: 'exhibition',
        title: 'Hong Kong ICT Expo: Canada pavilion, day 1',
        location: 'Hong Kong Convention and Exhibition Centre, Wan Chai',
      },
      {
        day: 3,
        from: '10:00',
        to: '13:00',
        kind: 'exhibition',
        title: 'Hong Kong ICT Expo: Canada pavilion, day 2',
        location: 'Hong Kong Convention and Exhibition Centre, Wan Chai',
      },
      {
        day: 3,
        from: '14:30',
        to: '17:30',
        kind: 'matching-session',
        title: 'Business matching with Hong Kong ICT firms',
        location: 'Hong Kong Convention and Exhibition Centre, meeting rooms S221–S230',
      },
      {
        day: 4,
        from: '09:30',
        to: '12:30',
        kind: 'site-visit',
        title: 'Hong Kong Science Park and Cyberport',
        location: 'Sha Tin and Pok Fu Lam',
      },
    ],
    applications: [
      ['Maple Channel Partners', 'accepted'],
      ['Northern Cipher Inc.', 'accepted'],
      ['Great Lakes Payments', 'accepted'],
      ['Kestrel Identity Corp', 'accepted'],
      ['Pacific Rim Commerce Inc.', 'accepted'],
      ['Cascadia Wireless Labs', 'pending'],
      ['Loonie Point Systems', 'pending'],
    ],
  },
];

/** The delegation's dates and items as stored: calendar dates and UTC instants. */
export function scheduleDemoDelegation(
  delegation: DemoDelegation,
  today: DateTime,
): {
  startsOn: string;
  endsOn: string;
  items: { kind: ItineraryKind; title: string; location: string; startsAt: Date; endsAt: Date }[];
} {
  const first = today
    .setZone(delegation.timezone)
    .startOf('day')
    .plus({ days: delegation.startsInDays });
  const at = (day: number, time: string): Date => {
    const [hour, minute] = time.split(':').map(Number);
    return first
      .plus({ days: day - 1 })
      .set({ hour, minute })
      .toJSDate();
  };
  return {
    startsOn: first.toISODate() ?? '',
    endsOn: first.plus({ days: delegation.days - 1 }).toISODate() ?? '',
    items: delegation.itinerary.map((item) => ({
      kind: item.kind,
      title: item.title,
      location: item.location,
      startsAt: at(item.day, item.from),
      endsAt: at(item.day, item.to),
    })),
  };
}
