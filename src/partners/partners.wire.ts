/**
 * Partner economies and their cooperation agreements on the wire (SPEC "Programme"). Plain values
 * and types, no imports, so that the server and the web app compile against this one file.
 * Dates of agreements are calendar dates (`YYYY-MM-DD`); other times are ISO 8601 instants in UTC.
 */

/** An agreement's state: `renewal-due` and `expired` follow from its expiry date (see the service). */
export const AGREEMENT_STATUSES = [
  'planned',
  'active',
  'renewal-due',
  'expired',
  'renewed',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The forms cooperation takes under an agreement. */
export const COOPERATION_FORMS = [
  'delegations',
  'seminars',
  'workshops',
  'video-matching',
  'exhibitions',
  'information-exchange',
  'joint-research',
] as const;
export type CooperationForm = (typeof COOPERATION_FORMS)[number];

/**
 * A signed agreement is `renewal-due` from this many days before its expiry date (inclusive):
 * six months leaves time to negotiate a renewal and have it signed at a ministerial visit.
 */
export const RENEWAL_LEAD_DAYS = 180;

/** Bounds of the inputs (characters, or items of a list). */
export const PARTNER_LIMITS = {
  name: 200,
  agency: 200,
  agencies: 20,
  notes: 4000,
  title: 300,
  counterpart: 300,
  documentUrl: 2000,
} as const;

/** The kinds of activity held under a partner economy. */
export const ACTIVITY_KINDS = ['session', 'delegation', 'seminar'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The partner economy an activity is held under, as activity views show it. */
export interface WirePartnerRef {
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
}

/** An agreement as `GET /api/partners/:id` shows it, with its place in a chain of renewals. */
export interface WireAgreement {
  id: string;
  partnerId: string;
  title: string;
  /** Calendar dates (YYYY-MM-DD); null while planned / when open-ended. */
  signedOn: string | null;
  expiresOn: string | null;
  counterpart: string;
  priorityAreas: string[];
  forms: CooperationForm[];
  documentUrl: string | null;
  /** The status today: for a signed agreement it follows from the dates. */
  status: AgreementStatus;
  /** The agreement this one renews, and the one that renewed it. */
  renews: string | null;
  renewedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A partner economy with its agreements, newest signed first. */
export interface WirePartner {
  id: string;
  country: string;
  name: string;
  agencies: string[];
  priorityAreas: string[];
  notes: string;
  agreements: WireAgreement[];
  createdAt: string;
  updatedAt: string;
}

/** One activity under a partner economy (`GET /api/partners/:id/activities`). */
export interface WirePartnerActivity {
  kind: ActivityKind;
  id: string;
  title: string;
  /** Sessions and seminars: an instant; delegations: `startsOn`, a calendar date. */
  startsAt: string | null;
  startsOn: string | null;
  /** A session's status; null for the others. */
  status: string | null;
  /** Seats taken: a delegation's accepted companies, a seminar's registrations; null for sessions. */
  count: number | null;
  agreementId: string | null;
}

export interface WirePartnerActivities {
  year: number;
  /** Every year that has an activity under this partner economy, newest first. */
  years: number[];
  items: WirePartnerActivity[];
}
