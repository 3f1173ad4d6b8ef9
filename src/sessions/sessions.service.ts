import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError, type FieldErrors } from '../common/app-error';
import type { WireFieldRules } from '../common/field-rules.wire';
import { paginate, type Page } from '../common/pagination';
import { Delegation } from '../delegations/delegation.entity';
import {
  planFollowUps,
  replanFollowUps,
  withdrawUnsentFollowUps,
} from '../follow-ups/follow-up-plans';
import { DEFAULT_FOLLOW_UP_MONTHS } from '../follow-ups/follow-ups.wire';
import { DEFAULT_WEIGHTS } from '../matching/scoring/scoring-types';
import { mergeWeights } from '../matching/scoring/weights';
import { loadAgendaMeetings, loadAudience } from '../meetings/meeting-audience';
import { MeetingReminders } from '../meetings/meeting-reminders.service';
import { LiveEmitter } from '../live/live-emitter';
import { normaliseAvailability } from './availability';
import {
  MAX_SESSION_DAYS,
  type CreateSessionDto,
  type ListSessionsQuery,
  type UpdateSessionDto,
} from './dto/session.dto';
import { Participant } from './participant.entity';
import { SessionClock } from './jobs/session-clock.queue';
import {
  allows,
  canMove,
  isUndo,
  nextStatuses,
  statesAllowing,
  undoRefusal,
  type UndoRefusal,
} from './session-lifecycle';
import type { SessionAction } from './session-lifecycle.wire';
import { sessionCompanyIds } from './session-companies';
import { MatchmakingSession } from './session.entity';
import {
  sessionSlots,
  toSessionView,
  type SessionDetailView,
  type SessionView,
} from './session.view';
import { buildSlots } from './slots';
import { checkActivityLink, linkAfterChange, type ActivityLink } from '../partners/activity-link';
import type { Partner } from '../partners/partner.entity';

const UNDO_WORDS: Record<UndoRefusal, string> = {
  'session.undo_expired':
    'This move can no longer be taken back: it is possible within 24 hours of it only',
  'session.undo_started': 'The session has reached its start time: it would go live again at once',
  'session.undo_meetings_held':
    'A meeting was held or marked missed since this move: it can no longer be taken back',
};

type SessionFields = Omit<CreateSessionDto, 'status'>;

/** The session as stored, from a validated create or edit. */
function applyFields(session: MatchmakingSession, input: Partial<SessionFields>): void {
  const { startsAt, endsAt, requestDeadline, sides, weights, ...plain } = input;
  Object.assign(session, plain);
  if (startsAt !== undefined) session.startsAt = new Date(startsAt);
  if (endsAt !== undefined) session.endsAt = new Date(endsAt);
  if (requestDeadline !== undefined) session.requestDeadline = new Date(requestDeadline);
  if (sides !== undefined) session.sides = sides;
  // Over the weights as they read (whole, even if stored partial by an older version): a weight
  // left out keeps its value, never `undefined` (a WeightsDto has every key, unset ones undefined).
  if (weights !== undefined) session.weights = mergeWeights(weights, mergeWeights(session.weights));
  if (input.followUpMonths !== undefined)
    session.followUpMonths = [...input.followUpMonths].sort((a, b) => a - b);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The saved session with the partner economy its view shows (not a relation that was loaded). */
function withPartner(session: MatchmakingSession, link: ActivityLink): MatchmakingSession {
  session.partner = link.partner as Partner | null;
  return session;
}

/** Rules that span fields: a window that holds a slot, a deadline in time, sides apart. */
function checkSession(session: MatchmakingSession): void {
  const fields: FieldErrors = {};
  const rules: WireFieldRules = {};
  if (session.endsAt <= session.startsAt) {
    fields.endsAt = ['must be after startsAt'];
    rules.endsAt = [{ rule: 'after', params: { field: 'startsAt' } }];
  } else if (session.endsAt.getTime() - session.startsAt.getTime() > MAX_SESSION_DAYS * DAY_MS) {
    fields.endsAt = [
      `must be within ${MAX_SESSION_DAYS} days of the start: a session lasts at most ${MAX_SESSION_DAYS} days`,
    ];
    rules.endsAt = [{ rule: 'withinDays', params: { field: 'startsAt', days: MAX_SESSION_DAYS } }];
  } else if (buildSlots(session).length === 0) {
    fields.slotMinutes = ['the session window holds no whole slot of this length'];
    rules.slotMinutes = [{ rule: 'slotFits' }];
  }
  if (session.requestDeadline > session.endsAt) {
    fields.requestDeadline = ['must be before the session ends'];
    rules.requestDeadline = [{ rule: 'notAfter', params: { field: 'endsAt' } }];
  }
  if (session.sides) {
    const [a, b] = session.sides;
    const both = a.filter((country) => b.includes(country));
    if (both.length > 0) {
      fields.sides = [`a country cannot be on both sides: ${both.join(', ')}`];
      rules.sides = [{ rule: 'sidesApart', params: { values: both } }];
    }
  }
  if (Object.values(mergeWeights(session.weights)).every((weight) => weight === 0)) {
    fields.weights = ['at least one weight must be above 0'];
    rules.weights = [{ rule: 'weightAboveZero' }];
  }
  if (Object.keys(fields).length > 0) throw AppError.invalid(fields, rules);
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MatchmakingSession) private readonly sessions: Repository<MatchmakingSession>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly clock: SessionClock,
    private readonly reminders: MeetingReminders,
    private readonly live: LiveEmitter,
  ) {}

  async create(user: AuthUser, input: CreateSessionDto): Promise<SessionView> {
    const session = this.sessions.create({
      description: '',
      breakMinutes: 0,
      crossBorderOnly: false,
      sides: null,
      tables: null,
      delegationId: null,
      weights: { ...DEFAULT_WEIGHTS },
      followUpMonths: [...DEFAULT_FOLLOW_UP_MONTHS],
      status: input.status ?? 'open',
      createdBy: user.id,
    });
    applyFields(session, input);
    checkSession(session);
    await this.checkDelegation(session.delegationId);
    const link = await checkActivityLink(
      this.dataSource.manager,
      session.partnerId,
      session.agreementId,
    );
    session.partnerId = link.partnerId;
    session.agreementId = link.agreementId;
    const saved = await this.sessions.save(session);
    await this.clock.scheduleGoLive(saved);
    return toSessionView(withPartner(saved, link));
  }

  /**
   * Members see every session but drafts; organisers see all. Sessions still to come or running
   * come first, by start, and closed ones after them, so that past sessions never push the ones
   * a firm can still join off the first page.
   */
  async list(user: AuthUser, query: ListSessionsQuery): Promise<Page<SessionView>> {
    const builder = this.sessions
      .createQueryBuilder('session')
      .leftJoinAndSelect('session.partner', 'partner');
    if (!isOrganiser(user)) builder.andWhere("session.status <> 'draft'");
    if (query.status) builder.andWhere('session.status = :status', { status: query.status });
    if (query.mode) builder.andWhere('session.mode = :mode', { mode: query.mode });
    builder
      .addSelect("CASE WHEN session.status = 'closed' THEN 1 ELSE 0 END", 'closed_last')
      .orderBy('closed_last', 'ASC')
      .addOrderBy('session.startsAt', 'ASC')
      .addOrderBy('session.id', 'ASC');
    return paginate(builder, query, toSessionView);
  }

  async get(user: AuthUser, id: string): Promise<SessionDetailView> {
    const session = await this.findVisible(user, id);
    const participantCount = await this.participants.countBy({ sessionId: id });
    const yours = await this.dataSource.query<{ company_id: string }[]>(
      `SELECT p.company_id FROM session_participants p
         JOIN company_members m ON m.company_id = p.company_id AND m.user_id = $2
        WHERE p.session_id = $1 ORDER BY p.company_id`,
      [id, user.id],
    );
    return {
      ...toSessionView(session),
      slots: sessionSlots(session),
      participantCount,
      yourCompanyIds: yours.map((row) => row.company_id),
    };
  }

  /** Edits (in draft or open) and status moves, under the session's row lock. */
  async update(id: string, changes: UpdateSessionDto): Promise<SessionView> {
    const { status, followUpMonths, partnerId, agreementId, ...fields } = changes;
    let moved = false;
    let link: ActivityLink | null = null;
    const saved = await this.dataSource.transaction(async (manager) => {
      const session = await this.lock(manager, id);
      // Not an edit of the event: organisers may change it in any state, after the close too.
      if (followUpMonths !== undefined) {
        session.followUpMonths = [...followUpMonths].sort((a, b) => a - b);
        if (session.status === 'closed' && status === undefined) {
          await replanFollowUps(
            manager,
            id,
            session.statusChangedAt ?? new Date(),
            session.followUpMonths,
          );
        }
      }
      // Held under which partner and agreement: a record for the programme, changeable in any status.
      const linked = linkAfterChange(session, { partnerId, agreementId });
      link = await checkActivityLink(manager, linked.partnerId, linked.agreementId);
      session.partnerId = link.partnerId;
      session.agreementId = link.agreementId;
      if (Object.keys(fields).length > 0) {
        this.assertAllows(session, 'edit');
        applyFields(session, fields);
        checkSession(session);
        await this.checkDelegation(session.delegationId);
        await this.checkAvailabilityStillFits(manager, session);
      }
      if (status !== undefined && status !== session.status) {
        if (isUndo(session, status)) await this.takeBack(manager, session);
        else {
          if (!canMove(session.status, status)) {
            const next = nextStatuses(session.status);
            throw AppError.conflict(
              'session.bad_transition',
              `A ${session.status} session cannot become ${status}` +
                (next.length > 0 ? `; it can become ${next.join(' or ')}` : '; it is closed'),
            );
          }
          session.previousStatus = session.status;
          session.statusChangedAt = new Date();
          session.status = status;
          // Closed before its meetings (or with meetings left): their reminders would tell of
          // meetings that will not take place.
          if (status === 'closed') {
            await this.reminders.withdrawSession(manager, id);
            // Its firms are asked later what came of the meetings they held.
            await planFollowUps(manager, id, session.statusChangedAt, session.followUpMonths);
          }
        }
        moved = true;
      }
      return manager.save(session);
    });
    await this.clock.schedule(saved);
    if (moved) {
      this.live.sessionUpdated(id, saved.status, await sessionCompanyIds(this.dataSource, id));
    }
    return toSessionView(link ? withPartner(saved, link) : saved);
  }

  /**
   * Takes the session's last move (to live or closed) back, under its row lock: refused with 409
   * past the grace period, once its start has come, or if a meeting was held or missed since the
   * move. Reopening a closed session plans again the reminders its closing withdrew.
   */
  private async takeBack(manager: EntityManager, session: MatchmakingSession): Promise<void> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM meetings
        WHERE session_id = $1 AND status IN ('held', 'no-show') AND updated_at >= $2`,
      [session.id, session.statusChangedAt ?? new Date(0)],
    );
    const refusal = undoRefusal(session, new Date(), count);
    if (refusal) throw AppError.conflict(refusal, UNDO_WORDS[refusal]);
    const reopened = session.status === 'closed';
    // A close taken back asks nobody anything (no survey is sent within the grace period).
    if (reopened) await withdrawUnsentFollowUps(manager, session.id);
    session.status = session.previousStatus!;
    session.previousStatus = null;
    session.statusChangedAt = new Date();
    if (reopened) {
      // Those already held lie in the past: plan() writes no reminder for a time gone by.
      const meetings = await loadAgendaMeetings(manager, session.id);
      const audience = await loadAudience(
        manager,
        meetings.flatMap((meeting) => [meeting.companyA, meeting.companyB]),
      );
      await this.reminders.plan(manager, session, meetings, audience);
    }
  }

  /** The session, or 404 (also for a draft a member asks about). */
  async findVisible(user: AuthUser, id: string): Promise<MatchmakingSession> {
    const session = await this.sessions.findOne({ where: { id }, relations: { partner: true } });
    if (!session || (session.status === 'draft' && !isOrganiser(user)))
      throw AppError.notFound('session', id);
    return session;
  }

  async lock(manager: EntityManager, id: string): Promise<MatchmakingSession> {
    const session = await manager.findOne(MatchmakingSession, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) throw AppError.notFound('session', id);
    return session;
  }

  /**
   * The session's row lock in share mode, for the caller's transaction. Every write that changes
   * what a scheduling run reads (a request answered, a meeting cancelled, marked or pinned, a
   * participant's availability) takes it first: a run publishes under the same lock FOR UPDATE
   * after reading its inputs again (publishPlan), so a write is either seen by that reading or
   * waits until the run has published, never lands in between. Writers do not wait for each
   * other. (New requests and participants need no call: their foreign key to the session takes a
   * lock that also waits for a publishing run.)
   */
  async lockShared(manager: EntityManager, id: string): Promise<void> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM sessions WHERE id = $1 FOR SHARE',
      [id],
    );
    if (rows.length === 0) throw AppError.notFound('session', id);
  }

  assertAllows(session: MatchmakingSession, action: SessionAction): void {
    if (!allows(session.status, action)) {
      throw AppError.conflict(
        `session.${session.status}`,
        `Not while the session is ${session.status}: this is possible when it is ${statesAllowing(action).join(', ')}`,
      );
    }
  }

  private async checkDelegation(delegationId: string | null): Promise<void> {
    if (
      delegationId &&
      !(await this.dataSource.getRepository(Delegation).existsBy({ id: delegationId }))
    ) {
      throw AppError.invalid(
        { delegationId: ['no delegation has this id'] },
        { delegationId: [{ rule: 'exists' }] },
      );
    }
  }

  private async checkAvailabilityStillFits(
    manager: EntityManager,
    session: MatchmakingSession,
  ): Promise<void> {
    const participants = await manager.findBy(Participant, { sessionId: session.id });
    const outside = participants.filter(
      (participant) =>
        Object.keys(normaliseAvailability(participant.availability, session).problems).length > 0,
    );
    if (outside.length > 0) {
      throw AppError.conflict(
        'session.availability_outside',
        `${outside.length} participants have availability outside the new window; they must change it first`,
      );
    }
  }
}
