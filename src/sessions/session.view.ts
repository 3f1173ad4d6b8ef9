import { partnerRef } from '../partners/activity-link';
import type { WirePartnerRef } from '../partners/partners.wire';
import type { ScoringWeights } from '../matching/scoring/scoring-types';
import { mergeWeights } from '../matching/scoring/weights';
import type { MatchmakingSession } from './session.entity';
import type { SessionMode } from './session.wire';
import type { SessionStatus } from './session-lifecycle.wire';
import { undoUntil } from './session-lifecycle';
import { buildSlots } from './slots';

/** `undoUntil` for the view: none once passed, nor for a live session whose start has come. */
function undoableUntil(session: MatchmakingSession, now = new Date()): string | null {
  const until = undoUntil(session);
  if (!until || until <= now) return null;
  if (session.status === 'live' && session.startsAt <= now) return null;
  return until.toISOString();
}

export interface SlotView {
  index: number;
  startsAt: string;
  endsAt: string;
}

export interface SessionView {
  id: string;
  title: string;
  description: string;
  mode: SessionMode;
  timezone: string;
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  breakMinutes: number;
  maxMeetingsPerCompany: number;
  crossBorderOnly: boolean;
  sides: [string[], string[]] | null;
  tables: number | null;
  requestDeadline: string;
  delegationId: string | null;
  /** The partner economy and agreement the session is held under (the programme). */
  partner: WirePartnerRef | null;
  agreementId: string | null;
  status: SessionStatus;
  /**
   * Until when an organiser may take the last move (to live or closed) back to `previousStatus`
   * (UNDO_GRACE_MS after it, while no meeting is held); null when it cannot be taken back.
   */
  undoUntil: string | null;
  previousStatus: SessionStatus | null;
  weights: ScoringWeights;
  /** Months after the close at which firms are asked what came of their meetings. */
  followUpMonths: number[];
  createdAt: string;
  updatedAt: string;
}

export interface SessionDetailView extends SessionView {
  slots: SlotView[];
  participantCount: number;
  /** The caller's companies that take part (none for organisers who speak for no company). */
  yourCompanyIds: string[];
}

export function sessionSlots(session: MatchmakingSession): SlotView[] {
  return buildSlots(session).map((slot) => ({
    index: slot.index,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
  }));
}

export function toSessionView(session: MatchmakingSession): SessionView {
  return {
    id: session.id,
    title: session.title,
    description: session.description,
    mode: session.mode,
    timezone: session.timezone,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    slotMinutes: session.slotMinutes,
    breakMinutes: session.breakMinutes,
    maxMeetingsPerCompany: session.maxMeetingsPerCompany,
    crossBorderOnly: session.crossBorderOnly,
    sides: session.sides,
    tables: session.tables,
    requestDeadline: session.requestDeadline.toISOString(),
    delegationId: session.delegationId,
    partner: partnerRef(session.partner),
    agreementId: session.agreementId,
    status: session.status,
    undoUntil: undoableUntil(session),
    previousStatus: session.previousStatus,
    weights: mergeWeights(session.weights),
    followUpMonths: [...(session.followUpMonths ?? [3, 6])].sort((a, b) => a - b),
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}
