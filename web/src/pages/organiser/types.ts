/** What the organisers' screens read from the API, as the OpenAPI document declares it. */
import type { components } from '../../api/schema';
import type { WireJob } from '../../../../src/live/live.wire';
import type { ResponseOf, Session } from '../../api';

type Schemas = components['schemas'];

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

export type SessionSettings = Schemas['SessionView'];

export type OrganiserSessionDetail = Schemas['SessionDetailView'];

export type Participant = Schemas['ParticipantView'];

export type CompanyProfile = Schemas['WireCompany'];

export type Delegation = Schemas['DelegationView'];

/** A queued job, as `GET /api/jobs/:id` and the `job.progress` event show it. */
export type JobView = WireJob;

export const MEETING_STATUSES = ['scheduled', 'held', 'no-show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export type ScheduledMeeting = Schemas['MeetingView'];

export type RequestKind = Schemas['UnplacedRequest']['kind'];

export type PlacementReport = Schemas['PlacementReport'];

export type ScheduleView = ResponseOf<'SchedulingController_schedule'>;

export const OUTCOMES = ['none', 'follow-up', 'negotiating', 'agreement-signed'] as const;

export type OutcomeLine = Schemas['OutcomeLine'];

export type SessionReport = Schemas['SessionReport'];

export type ImportResult = Schemas['ImportResult'];
