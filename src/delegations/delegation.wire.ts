/**
 * The enums of delegations, with no import at all: the server (entities, DTOs, views) and the web
 * app (its forms and the messages of each value) use these lists.
 */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ITINERARY_KINDS = [
  'seminar',
  'site-visit',
  'exhibition',
  'matching-session',
  'reception',
  'meeting',
] as const;
export type ItineraryKind = (typeof ITINERARY_KINDS)[number];

export const APPLICATION_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'waitlisted',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
