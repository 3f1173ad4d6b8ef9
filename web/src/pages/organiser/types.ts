/** What the organisers' screens read from the API, as the OpenAPI document declares it. */
import type { components } from '../../api/schema';
import type { WireJob } from '../../../../src/live/live.wire';
import type { ResponseOf } from '../../api';

type Schemas = components['schemas'];

export type { SessionStatus } from '../../../../src/sessions/session-lifecycle.wire';
export {
  ACTION_STATES,
  NEXT_STATUSES,
  SESSION_STATUSES,
} from '../../../../src/sessions/session-lifecycle.wire';
export { OUTCOMES } from '../../../../src/meetings/meeting.wire';

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

export type OutcomeLine = Schemas['OutcomeLine'];

export type SessionReport = Schemas['SessionReport'];

export type ImportResult = Schemas['ImportResult'];

export type ScheduleDraft = Schemas['ScheduleDraftView'];

export type DraftMeeting = Schemas['DraftMeetingView'];

export const isWeightName = (name: string): name is WeightName =>
  (WEIGHT_NAMES as readonly string[]).includes(name);
