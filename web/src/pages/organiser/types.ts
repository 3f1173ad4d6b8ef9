/** What the organisers' screens read from the API, as `src/` has it on the wire. */
import type { Company, Session } from '../../api';

export type SessionStatus = Session['status'];

/** The lifecycle moves `src/sessions/session-lifecycle.ts` allows, forward only. */
export const NEXT_STATUSES: Record<SessionStatus, SessionStatus[]> = {
  draft: ['open', 'closed'],
  open: ['scheduled', 'live', 'closed'],
  scheduled: ['live', 'closed'],
  live: ['closed'],
  closed: [],
};

export const WEIGHT_NAMES = [
  'complementarity',
  'sector',
  'partnerType',
  'market',
  'language',
  'timeOverlap',
] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];

export interface SessionSettings extends Session {
  breakMinutes: number;
  maxMeetingsPerCompany: number;
  crossBorderOnly: boolean;
  sides: [string[], string[]] | null;
  tables: number | null;
  delegationId: string | null;
  weights: Record<WeightName, number>;
}

export interface OrganiserSessionDetail extends SessionSettings {
  slots: { index: number; startsAt: string; endsAt: string }[];
  participantCount: number;
}

export interface Participant {
  companyId: string;
  name: string;
  country: string;
  city: string;
  sectors: string[];
  joinedAt: string;
}

export interface CompanyProfile extends Company {
  website: string | null;
  description: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partnerTypes: string[];
  targetMarkets: string[];
  languages: string[];
  employees: string;
  createdAt: string;
}

export interface Delegation {
  id: string;
  title: string;
}

/** A queued job, as `GET /api/jobs/:id` and the `job.progress` event show it. */
export interface JobView {
  id: string;
  name: string;
  state: string;
  progress: number | object;
  failedReason?: string;
}

export const MEETING_STATUSES = ['scheduled', 'held', 'no-show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface ScheduledMeeting {
  id: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  companyIds: [string, string];
  table?: number;
  roomId?: string;
  status: MeetingStatus;
  /** Kept in its slot when scheduling runs again. */
  fixed: boolean;
}

export type RequestKind = 'mutual' | 'accepted' | 'pending';

export interface PlacementReport {
  requested: Record<RequestKind, number>;
  placed: Record<RequestKind | 'score', number>;
  placedShare: number;
  unplaced: {
    requestIds: string[];
    companyIds: [string, string];
    kind: RequestKind;
    reason: 'no-common-slot' | 'max-meetings' | 'tables-full' | 'slots-taken';
  }[];
  meetings: number;
}

export interface ScheduleView {
  meetings: ScheduledMeeting[];
  report: PlacementReport | null;
}

export const OUTCOMES = ['none', 'follow-up', 'negotiating', 'agreement-signed'] as const;

export interface OutcomeLine {
  countryPair: string;
  scheduled: number;
  held: number;
  noShow: number;
  cancelled: number;
  feedback: number;
  averageRating: number | null;
  outcomes: Record<(typeof OUTCOMES)[number], number>;
}

export interface SessionReport {
  totals: OutcomeLine;
  byCountryPair: OutcomeLine[];
  acceptedRequests: { pairs: number; placed: number; share: number };
}

export interface ImportResult {
  total: number;
  created: { row: number; id: string; name: string }[];
  errors: { row: number; message: string; fields: Record<string, string[]> }[];
}
