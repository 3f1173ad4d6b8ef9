import type { Partner } from '../partners/partner.entity';
import type { SeminarRegistration } from './seminar-registration.entity';
import type { Seminar } from './seminar.entity';
import type { WireSeminar, WireSeminarRegistration } from './seminars.wire';
import { groupCheckInCode } from './seminars.wire';

/** How many registrations hold a seat and how many wait for one. */
export interface SeatCounts {
  registered: number;
  waitlisted: number;
}

export const NO_SEATS_TAKEN: SeatCounts = { registered: 0, waitlisted: 0 };

export function toSeminarView(
  seminar: Seminar,
  counts: SeatCounts,
  partner: Pick<Partner, 'country' | 'name'> | null,
): WireSeminar {
  return {
    id: seminar.id,
    title: seminar.title,
    kind: seminar.kind,
    description: seminar.description,
    startsAt: seminar.startsAt.toISOString(),
    endsAt: seminar.endsAt.toISOString(),
    timezone: seminar.timezone,
    venue: seminar.venue,
    videoUrl: seminar.videoUrl,
    capacity: seminar.capacity,
    registeredCount: counts.registered,
    waitlistedCount: counts.waitlisted,
    seatsLeft: Math.max(0, seminar.capacity - counts.registered),
    partnerId: seminar.partnerId,
    partnerCountry: partner?.country ?? null,
    partnerName: partner?.name ?? null,
    agreementId: seminar.agreementId,
    createdAt: seminar.createdAt.toISOString(),
    updatedAt: seminar.updatedAt.toISOString(),
  };
}

/** Needs `company` and `user` loaded; `code` is given only to the seat's holder. */
export function toRegistrationView(
  registration: SeminarRegistration,
  code: string | null,
  waitlistPosition: number | null,
): WireSeminarRegistration {
  return {
    id: registration.id,
    seminarId: registration.seminarId,
    companyId: registration.companyId,
    companyName: registration.company.name,
    companyCountry: registration.company.country,
    userId: registration.userId,
    userName: registration.user.name,
    status: registration.status,
    waitlistPosition: registration.status === 'waitlisted' ? waitlistPosition : null,
    checkInCode: code ? groupCheckInCode(code) : null,
    checkedInAt: registration.checkedInAt?.toISOString() ?? null,
    createdAt: registration.createdAt.toISOString(),
  };
}
