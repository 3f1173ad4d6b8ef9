import type { User } from '../../api';
import type { components } from '../../api/schema';

export type Seminar = components['schemas']['WireSeminar'];
export type SeminarDetail = components['schemas']['WireSeminarDetail'];
export type SeminarRegistration = components['schemas']['WireSeminarRegistration'];
export type CheckIn = components['schemas']['WireCheckIn'];

export const isOrganiserRole = (user: User) => user.role === 'organiser' || user.role === 'admin';

/**
 * Seats change by other people's doing; `seminar.updated` tells the pages at once (live-sync), and
 * this slower look again covers a live connection that is down.
 */
export const SEMINAR_REFETCH_MS = 30_000;
