/**
 * Seminars, workshops and forums on the wire (SPEC "Programme"). Plain values and types, no
 * imports, so that the server and the web app compile against this one file.
 */

export const SEMINAR_KINDS = ['seminar', 'workshop', 'forum'] as const;
export type SeminarKind = (typeof SEMINAR_KINDS)[number];

/** A registration holds a seat (`registered`), waits for one (`waitlisted`) or was given up. */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Bounds of a seminar's fields, shared by the server's checks and the web form. */
export const SEMINAR_LIMITS = {
  title: 200,
  description: 4000,
  venue: 300,
  videoUrl: 2000,
  capacity: { min: 1, max: 10_000 },
} as const;

/**
 * The check-in code's alphabet: Crockford's base 32 (no I, L, O or U), so that a code read aloud
 * or typed from a phone's screen is not mistaken; 10 characters, 50 bits, shown as `XXXXX-XXXXX`.
 */
export const CHECK_IN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECK_IN_CODE_LENGTH = 10;
/** The longest code input taken (a code with spaces, dashes or a scanned prefix around it). */
export const CHECK_IN_INPUT_MAX = 40;

/**
 * A code as typed or scanned, made canonical: upper case, spaces and dashes dropped, O read as 0
 * and I or L as 1 (Crockford's rule). Null when what is left is not a code's length or alphabet.
 */
export function normaliseCheckInCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CHECK_IN_CODE_LENGTH) return null;
  for (const char of code) if (!CHECK_IN_ALPHABET.includes(char)) return null;
  return code;
}

/** `ABCDE12345` → `ABCDE-12345`, as shown under the QR code. */
export function groupCheckInCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** `GET /api/seminars`, `GET /api/seminars/:id`: times are ISO 8601 instants in UTC. */
export interface WireSeminar {
  id: string;
  title: string;
  kind: SeminarKind;
  description: string;
  startsAt: string;
  endsAt: string;
  /** The organiser's IANA zone (the place's); the web app shows times in the viewer's. */
  timezone: string;
  venue: string | null;
  videoUrl: string | null;
  capacity: number;
  registeredCount: number;
  waitlistedCount: number;
  seatsLeft: number;
  partnerId: string | null;
  /** The partner economy's country (ISO 3166-1 alpha-2) and name, when one is set. */
  partnerCountry: string | null;
  partnerName: string | null;
  agreementId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One person's seat (or place on the waitlist) at a seminar, for their company. */
export interface WireSeminarRegistration {
  id: string;
  seminarId: string;
  companyId: string;
  companyName: string;
  companyCountry: string;
  userId: string;
  userName: string;
  status: RegistrationStatus;
  /** 1 for the next to get a seat; null unless waitlisted. */
  waitlistPosition: number | null;
  /** Only to the person who holds the seat (grouped, `XXXXX-XXXXX`); null to everyone else. */
  checkInCode: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

/** `GET /api/seminars/:id`: the seminar and the caller's own registration, if any. */
export interface WireSeminarDetail extends WireSeminar {
  myRegistration: WireSeminarRegistration | null;
}

/** `POST /api/seminars/:id/check-in`: who was checked in, and when. */
export interface WireCheckIn {
  registration: WireSeminarRegistration;
  checkedInAt: string;
}
