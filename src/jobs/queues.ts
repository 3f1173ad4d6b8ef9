/**
 * Every BullMQ queue and job of TradeMatch, by name, with its payload. Payloads hold ids only;
 * job ids are derived from the work so that triggering the same work twice queues it once.
 */
export const QUEUES = {
  companies: 'companies',
  sessions: 'sessions',
  scoring: 'scoring',
  scheduling: 'scheduling',
  mail: 'mail',
  notices: 'notices',
  liveNotices: 'live-notices',
  opportunities: 'opportunities',
  followUps: 'follow-ups',
  partners: 'partners',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  refreshCompany: 'company.refresh',
  goLive: 'session.go-live',
  slotClock: 'session.slot-clock',
  scoreBlock: 'scoring.block',
  finishRescore: 'scoring.finish',
  rescoreCompany: 'scoring.company',
  companyChanged: 'scoring.company-changed',
  schedule: 'schedule.run',
  deliverMail: 'mail.deliver',
  requestsDigest: 'requests.digest',
  announceNotices: 'notices.announce',
  opportunitiesDigest: 'opportunities.digest',
  sendFollowUps: 'follow-ups.send',
  agreementReminders: 'agreements.remind',
} as const;

/** Normalise one company's tags and rebuild its search document, as of `version`. */
export interface RefreshCompanyJob {
  companyId: string;
  version: number;
}

/** One job per company version: a repeated trigger for an unchanged company is a no-op. */
export function refreshCompanyJobId(job: RefreshCompanyJob): string {
  return `company-refresh.${job.companyId}.v${job.version}`;
}

/** Turn a session live at its start, if it is still open or scheduled and still starts then. */
export interface GoLiveJob {
  sessionId: string;
  startsAt: string;
}

export function goLiveJobId(job: GoLiveJob): string {
  return `session-go-live.${job.sessionId}.${Date.parse(job.startsAt)}`;
}

/** Tell a live session's room that a slot started, or ends in a minute. */
export interface SlotClockJob {
  sessionId: string;
  slotIndex: number;
  kind: 'started' | 'ending';
  /** The instant it is due: a session whose window moved finds it stale and stays quiet. */
  at: string;
}

/** One job per notice and instant, so however many processes queue it, it is sent once. */
export function slotClockJobId(job: SlotClockJob): string {
  return `slot-clock.${job.sessionId}.${job.slotIndex}.${job.kind}.${Date.parse(job.at)}`;
}

/** Score the companies at positions [start, end) of a session's snapshot into `generation`. */
export interface ScoreBlockJob {
  sessionId: string;
  generation: number;
  /** Participants who had joined by then, in company-id order. */
  snapshotAt: string;
  start: number;
  end: number;
}

/** After every block: make `generation` the one reads use, and drop the old one. */
export interface FinishRescoreJob {
  sessionId: string;
  generation: number;
  /** When the snapshot was taken: companies changed after it are rescored again at the end. */
  snapshotAt: string;
  /**
   * A digest of the session's scoring settings (weights, window, sides) at the start: if they
   * differ at the end, blocks may have scored with different ones, and the rescore runs again.
   */
  settings?: string;
}

/** The id of a full rescore: one per session and state of its inputs. */
export function fullRescoreJobId(sessionId: string, inputsKey: string): string {
  return `score-session.${sessionId}.${inputsKey}`;
}

/** Rescore one company against the rest of one session. */
export interface RescoreCompanyJob {
  sessionId: string;
  companyId: string;
  /** What changed: the company's profile version and its participation's update time. */
  stamp: string;
}

export function rescoreCompanyJobId(job: RescoreCompanyJob): string {
  return `score-company.${job.sessionId}.${job.companyId}.${job.stamp}`;
}

/** A company's profile changed: rescore it in each session it is part of. */
export interface CompanyChangedJob {
  companyId: string;
  version: number;
}

export function companyChangedJobId(job: CompanyChangedJob): string {
  return `company-changed.${job.companyId}.v${job.version}`;
}

/** Plan a session's schedule and publish it, or keep it as a draft (`draft`). */
export interface ScheduleJob {
  sessionId: string;
  draft?: boolean;
}

/** One scheduling run per session, state of its inputs and kind (a draft or a publish). */
export function scheduleJobId(sessionId: string, inputsKey: string, draft = false): string {
  return `schedule.${sessionId}.${draft ? 'draft-' : ''}${inputsKey}`;
}

/** The job of a run queued again from its id alone (JobRecovery): a draft run stays one. */
export function scheduleJobOf(sessionId: string, jobId: string): ScheduleJob {
  return jobId.startsWith(`schedule.${sessionId}.draft-`)
    ? { sessionId, draft: true }
    : { sessionId };
}

/** Send one email of the outbox (`notification_outbox`), if it is still due and nobody else is. */
export interface DeliverMailJob {
  outboxId: string;
}

/** The outbox row's id: a job queued twice for one email is queued once. */
export function deliverMailJobId(job: DeliverMailJob): string {
  return job.outboxId;
}

/**
 * Announce in-app notifications written for later (reminders) to their users' live sockets once
 * they are due: the ids of one `notify` call, so one job per call however many readers it has.
 */
export interface AnnounceNoticesJob {
  notificationIds: string[];
}

/** One job per `notify` call: its first notification's id is that call's alone. */
export function announceNoticesJobId(job: AnnounceNoticesJob): string {
  return `announce-notices.${job.notificationIds[0]}`;
}

/**
 * Send the daily digest of requests waiting for an answer to every user whose day has reached
 * the digest hour and who had none today (hourly, by a BullMQ job scheduler; idempotent).
 */
export interface RequestsDigestJob {
  /** Nothing: the run reads the time and the requests when it runs. */
  at?: string;
}

/** The one job scheduler of the digest: however many workers start, it is scheduled once. */
export const REQUESTS_DIGEST_SCHEDULER = 'requests-digest.hourly';

/**
 * Send the weekly digest of new posts on the opportunities board that fit each verified firm
 * well (weekly, by a BullMQ job scheduler; idempotent per user and week).
 */
export interface OpportunitiesDigestJob {
  /** Nothing: the run reads the time and the posts when it runs. */
  at?: string;
}

/** The one job scheduler of the weekly digest of the opportunities board. */
export const OPPORTUNITIES_DIGEST_SCHEDULER = 'opportunities-digest.weekly';

/**
 * Send the follow-up surveys that are due (every few minutes, by a BullMQ job scheduler): each
 * survey is claimed and marked sent in the transaction that writes its notices, so it goes once.
 */
export interface SendFollowUpsJob {
  /** Nothing: the run reads the due surveys when it runs. */
  at?: string;
}

/** The one job scheduler of the follow-up surveys. */
export const FOLLOW_UPS_SCHEDULER = 'follow-ups.send';

/**
 * Remind organisers of agreements that have become due for renewal (daily, by a BullMQ job
 * scheduler; once per agreement and expiry date, see AgreementReminders).
 */
export interface AgreementRemindersJob {
  /** Nothing: the run reads the date and the agreements when it runs. */
  at?: string;
}

/** The one job scheduler of the daily agreement reminders. */
export const AGREEMENT_REMINDERS_SCHEDULER = 'agreement-reminders.daily';
