import type { User } from '../../api';
import type { components } from '../../api/schema';

export type Seminar = components['schemas']['WireSeminar'];
export type SeminarDetail = components['schemas']['WireSeminarDetail'];
export type SeminarRegistration = components['schemas']['WireSeminarRegistration'];
export type CheckIn = components['schemas']['WireCheckIn'];

export const isOrganiserRole = (user: User) => user.role === 'organiser' || user.role === 'admin';

/** Seats change by other people's doing and no live event tells of it: the pages look again. */
export const SEMINAR_REFETCH_MS = 30_000;
