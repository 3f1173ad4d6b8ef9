import { partnerRef } from '../partners/activity-link';
import type { WirePartnerRef } from '../partners/partners.wire';
import type { DelegationApplication } from './delegation-application.entity';
import type { Delegation } from './delegation.entity';
import type { Direction, ItineraryKind } from './delegation.wire';
import { localTime } from './delegation-time';
import type { ItineraryItem } from './itinerary-item.entity';
import type { WireApplication } from '../live/live.wire';

export interface DelegationView {
  id: string;
  title: string;
  direction: Direction;
  originCountry: string;
  destinationCountry: string;
  city: string;
  leader: string;
  /** Calendar dates (YYYY-MM-DD) in the delegation's zone. */
  startsOn: string;
  endsOn: string;
  timezone: string;
  capacity: number;
  acceptedCount: number;
  /** Companies on the waitlist, promoted in turn when an accepted one withdraws. */
  waitlistedCount: number;
  seatsLeft: number;
  description: string;
  /** The partner economy and agreement the delegation is held under (the programme). */
  partner: WirePartnerRef | null;
  agreementId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An itinerary item in UTC and in the delegation's local time. */
export interface ItineraryItemView {
  id: string;
  kind: ItineraryKind;
  title: string;
  location: string;
  startsAt: string;
  endsAt: string;
  local: { startsAt: string; endsAt: string; timezone: string };
}

/** Declared once, in the file of wire types the web app shares. */
export type ApplicationView = WireApplication;

export interface DelegationDetailView extends DelegationView {
  itinerary: ItineraryItemView[];
  applications: ApplicationView[];
}

/** How many applications hold a seat and how many wait for one. */
export interface SeatCounts {
  accepted: number;
  waitlisted: number;
}

export function toDelegationView(delegation: Delegation, counts: SeatCounts): DelegationView {
  return {
    id: delegation.id,
    title: delegation.title,
    direction: delegation.direction,
    originCountry: delegation.originCountry,
    destinationCountry: delegation.destinationCountry,
    city: delegation.city,
    leader: delegation.leader,
    startsOn: delegation.startsOn,
    endsOn: delegation.endsOn,
    timezone: delegation.timezone,
    capacity: delegation.capacity,
    acceptedCount: counts.accepted,
    waitlistedCount: counts.waitlisted,
    seatsLeft: Math.max(0, delegation.capacity - counts.accepted),
    description: delegation.description,
    partner: partnerRef(delegation.partner),
    agreementId: delegation.agreementId,
    createdAt: delegation.createdAt.toISOString(),
    updatedAt: delegation.updatedAt.toISOString(),
  };
}

export function toItineraryItemView(item: ItineraryItem, timezone: string): ItineraryItemView {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    location: item.location,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    local: {
      startsAt: localTime(item.startsAt, timezone),
      endsAt: localTime(item.endsAt, timezone),
      timezone,
    },
  };
}

/** Needs `application.company` loaded. */
export function toApplicationView(application: DelegationApplication): ApplicationView {
  return {
    id: application.id,
    delegationId: application.delegationId,
    companyId: application.companyId,
    companyName: application.company.name,
    companyCountry: application.company.country,
    status: application.status,
    appliedAt: application.createdAt.toISOString(),
    decidedAt: application.decidedAt?.toISOString() ?? null,
    waitlistedAt: application.waitlistedAt?.toISOString() ?? null,
  };
}
