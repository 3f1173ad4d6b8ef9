/**
 * Seminars, workshops and forums on the wire (SPEC "Programme"). Plain values and types, no
 * imports, so that the server and the web app compile against this one file.
 */

export const SEMINAR_KINDS = ['seminar', 'workshop', 'forum'] as const;
export type SeminarKind = (typeof SEMINAR_KINDS)[number];

/** A registration holds a seat (`registered`), waits for one (`waitlisted`) or was given up. */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
