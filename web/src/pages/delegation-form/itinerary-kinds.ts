/** The kinds of itinerary item, in the order the form offers them. */
export const ITINERARY_KINDS = [
  'seminar',
  'site-visit',
  'exhibition',
  'matching-session',
  'reception',
  'meeting',
] as const;
