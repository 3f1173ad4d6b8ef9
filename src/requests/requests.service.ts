import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { ConversationsService } from '../conversations/conversations.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { MatchmakingSession } from '../sessions/session.entity';
import { LiveEmitter } from '../live/live-emitter';
import { Meeting } from '../meetings/meeting.entity';
import { explainIneligibility } from '../matching/ineligibility-messages';
import { explainPair, ineligibility } from '../matching/scoring/explain-pair';
import type { Reason } from '../matching/scoring/scoring-types';
import { loadProfilesOf, loadTagRarity, toScoringSession } from '../matching/session-inputs';
import { buildSlots } from '../sessions/slots';
import { SessionsService } from '../sessions/sessions.service';
import type { AnswerRequestDto, CreateRequestDto, RequestWindowDto } from './dto/request.dto';
import { MeetingRequest, type RequestStatus } from './meeting-request.entity';
import { requestNotice, type RequestNoticeKind } from './request-notice';
import { windowProblems } from './request-window';
import type { WireRequest } from '../live/live.wire';

/** Declared once, in the file of wire types the web app shares. */
export type RequestView = WireRequest;

/** How well the sender fits the receiver, in the receiver's eyes (as its matches say it). */
export interface RequestFit {
  score: number;
  reasons: Reason[];
}

/** A received request, with the sender's fit to weigh before answering. */
export interface ReceivedRequestView extends RequestView {
  /** Null when either firm has left the session or the pair is not eligible. */
  fit: RequestFit | null;
}

const ACTIVE: RequestStatus[] = ['pending', 'accepted'];

/** A meeting, not cancelled, of request `r`'s two firms in its session (`company_a` < `company_b`). */
const PAIR_MEETING_SQL = `SELECT 1 FROM meetings m
   WHERE m.session_id = r.session_id AND m.status <> 'cancelled'
     AND m.company_a = least(r.from_company_id, r.to_company_id)
     AND m.company_b = greatest(r.from_company_id, r.to_company_id)`;

function toRequestView(
  request: MeetingRequest,
  { mutual, scheduled }: { mutual: boolean; scheduled: boolean },
): RequestView {
  return {
    id: request.id,
    sessionId: request.sessionId,
    fromCompanyId: request.fromCompanyId,
    fromCompanyName: request.fromCompany.name,
    toCompanyId: request.toCompanyId,
    toCompanyName: request.toCompany.name,
    message: request.message,
    declineReason: request.declineReason || null,
    window:
      request.windowFrom && request.windowTo
        ? { from: request.windowFrom.toISOString(), to: request.windowTo.toISOString() }
        : null,
    status: request.status,
    mutual,
    scheduled,
    createdAt: request.createdAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
  };
}

/** The columns of a window given (null clears it), after `checkWindow`. */
function windowColumns(
  window: RequestWindowDto | null,
): Pick<MeetingRequest, 'windowFrom' | 'windowTo'> {
  return window
    ? { windowFrom: new Date(window.from), windowTo: new Date(window.to) }
    : { windowFrom: null, windowTo: null };
}

/**
 * A window inside the session, holding at least one of its slots (400 naming `window.from`,
 * `window.to` or `window` otherwise); null (any time) always is.
 */
function checkWindow(session: MatchmakingSession, window: RequestWindowDto | null): void {
  if (!window) return;
  const problems = windowProblems(window, session, buildSlots(session));
  if (problems) throw AppError.invalid(problems.fields, problems.rules);
}

/**
 * The filter of a firm's requests in a session, sent and received: `meeting_requests_from_idx` and
 * `meeting_requests_to_idx` answer it together (checked by `test/list-plans.e2e-spec.ts`).
 */
export const REQUESTS_OF_COMPANY =
  'request.session_id = :sessionId AND (request.from_company_id = :companyId OR request.to_company_id = :companyId)';

/** Meeting requests between the participants of a session. */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
    private readonly notifications: NotificationsService,
    private readonly conversations: ConversationsService,
  ) {}

  async create(user: AuthUser, sessionId: string, input: CreateRequestDto): Promise<RequestView> {
    const session = await this.sessions.findVisible(user, sessionId);
    if (input.fromCompanyId === input.toCompanyId) {
      throw AppError.invalid(
        { toCompanyId: ['must be another company than fromCompanyId'] },
        { toCompanyId: [{ rule: 'differentCompanies' }] },
      );
    }
    const fromCompany = await this.companies.find(input.fromCompanyId);
    const toCompany = await this.companies.find(input.toCompanyId);
    // Organisers may ask on any participant's behalf (SPEC, "Organisers' control").
    if (!(await this.companies.canManage(user, input.fromCompanyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        'You may only ask for meetings on behalf of your own company',
      );
    }
    checkWindow(session, input.window ?? null);
    this.sessions.assertAllows(session, 'request');
    if (Date.now() > session.requestDeadline.getTime()) {
      throw AppError.conflict(
        'request.after_deadline',
        `Requests closed at ${session.requestDeadline.toISOString()}`,
      );
    }
    const profiles = await loadProfilesOf(this.dataSource, sessionId, [
      input.fromCompanyId,
      input.toCompanyId,
    ]);
    const from = profiles.get(input.fromCompanyId);
    const to = profiles.get(input.toCompanyId);
    if (!from || !to) {
      throw AppError.conflict(
        'request.not_participant',
        `${!from ? 'Your company' : 'That company'} does not take part in this session`,
      );
    }
    const reason = ineligibility(from, to, toScoringSession(session));
    if (reason) {
      throw AppError.conflict(
        reason === 'same-side' ? 'request.same_side' : 'request.ineligible',
        explainIneligibility(reason),
      );
    }

    const repository = this.dataSource.getRepository(MeetingRequest);
    let saved: MeetingRequest;
    // The request's message is also the first message of the pair's conversation.
    let messageId: string | null = null;
    try {
      saved = await this.dataSource.transaction(async (manager) => {
        const request = await manager.save(
          repository.create({
            sessionId,
            fromCompanyId: input.fromCompanyId,
            toCompanyId: input.toCompanyId,
            message: input.message ?? '',
            ...windowColumns(input.window ?? null),
            createdBy: user.id,
          }),
        );
        await this.tell(manager, 'request.received', request, { session, fromCompany, toCompany });
        if (request.message) {
          messageId = await this.conversations.writeInTransaction(manager, user.id, {
            fromCompanyId: request.fromCompanyId,
            toCompanyId: request.toCompanyId,
            text: request.message,
          });
        }
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'meeting_requests_active_key')) {
        throw AppError.conflict(
          'request.duplicate',
          'Your company has already asked this firm for a meeting',
        );
      }
      throw error;
    }
    if (messageId) await this.conversations.announce(messageId);
    const view = await this.view(saved.id);
    this.live.requestCreated(view);
    if (view.mutual) {
      // The other side's request becomes mutual too.
      const reverse = await repository.findOneBy({
        sessionId,
        fromCompanyId: view.toCompanyId,
        toCompanyId: view.fromCompanyId,
        status: In(ACTIVE),
      });
      if (reverse) this.live.requestUpdated(await this.view(reverse.id));
    }
    return view;
  }

  /**
   * The receiver accepts or declines a pending request; the sender cancels one not yet declined.
   * With a `window` (when accepting, or on its own), when the meeting may take place changes.
   */
  async answer(
    user: AuthUser,
    sessionId: string,
    requestId: string,
    input: AnswerRequestDto,
  ): Promise<RequestView> {
    const session = await this.sessions.findVisible(user, sessionId);
    if (input.status === undefined && input.window === undefined) {
      throw AppError.invalid(
        { status: ['Give a status, a window or both.'] },
        { status: [{ rule: 'oneChange' }] },
      );
    }
    // A window goes with an acceptance or alone (the DTO refuses it with the other answers).
    const window =
      input.window !== undefined && (input.status ?? 'accepted') === 'accepted'
        ? input.window
        : undefined;
    const reason = input.status === 'declined' ? (input.reason ?? '') : '';
    let messageId: string | null = null;
    const updated = await this.dataSource.transaction(async (manager) => {
      await this.sessions.lockShared(manager, sessionId);
      const request = await manager.findOne(MeetingRequest, {
        where: { id: requestId, sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw AppError.notFound('request', requestId);
      if (input.status === undefined) {
        return this.changeWindow(manager, user, session, request, window ?? null);
      }
      const side = input.status === 'cancelled' ? request.fromCompanyId : request.toCompanyId;
      // Organisers answer and cancel on a firm's behalf too.
      if (!(await this.companies.canManage(user, side, manager))) {
        throw AppError.forbidden(
          'company.not_yours',
          input.status === 'cancelled'
            ? 'Only the company that asked may cancel its request'
            : 'Only the company asked may accept or decline',
        );
      }
      // Checked against the session once the caller may act: a stranger learns nothing from it.
      if (window !== undefined) checkWindow(session, window);
      if (request.status === input.status) {
        if (window === undefined) return request;
        return this.changeWindow(manager, user, session, request, window);
      }
      this.sessions.assertAllows(session, 'request');
      const from: RequestStatus[] =
        input.status === 'cancelled' ? ['pending', 'accepted'] : ['pending'];
      if (!from.includes(request.status)) {
        throw AppError.conflict('request.not_pending', `This request is already ${request.status}`);
      }
      // A pair with a meeting has its answer: the meeting (cancelled, it frees the pair).
      if (input.status !== 'cancelled' && (await this.pairHasMeeting(manager, request))) {
        throw AppError.conflict(
          'request.meeting_scheduled',
          'These two firms already have a meeting in this session: it answers the request',
        );
      }
      request.status = input.status;
      request.answeredAt = new Date();
      request.declineReason = reason;
      if (window !== undefined) Object.assign(request, windowColumns(window));
      const saved = await manager.save(request);
      // The reason reaches the sender as a message of the pair's conversation too.
      if (reason) {
        messageId = await this.conversations.writeInTransaction(manager, user.id, {
          fromCompanyId: request.toCompanyId,
          toCompanyId: request.fromCompanyId,
          text: reason,
        });
      }
      const fromCompany = await manager.findOneByOrFail(Company, { id: request.fromCompanyId });
      const toCompany = await manager.findOneByOrFail(Company, { id: request.toCompanyId });
      await this.tell(
        manager,
        input.status === 'cancelled' ? 'request.cancelled' : 'request.answered',
        saved,
        { session, fromCompany, toCompany },
      );
      return saved;
    });
    if (messageId) await this.conversations.announce(messageId);
    const view = await this.view(updated.id);
    this.live.requestUpdated(view);
    return this.privateTo(user, view.toCompanyId, view);
  }

  /**
   * Either firm (or an organiser for one) changes when the meeting of a pending or accepted
   * request may take place; scheduling honours it from its next run.
   */
  private async changeWindow(
    manager: EntityManager,
    user: AuthUser,
    session: MatchmakingSession,
    request: MeetingRequest,
    window: RequestWindowDto | null,
  ): Promise<MeetingRequest> {
    if (
      !(await this.companies.canManage(user, request.fromCompanyId, manager)) &&
      !(await this.companies.canManage(user, request.toCompanyId, manager))
    ) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only the two companies of a request may say when their meeting may take place',
      );
    }
    checkWindow(session, window);
    this.sessions.assertAllows(session, 'request');
    if (!ACTIVE.includes(request.status)) {
      throw AppError.conflict('request.not_pending', `This request is already ${request.status}`);
    }
    Object.assign(request, windowColumns(window));
    return manager.save(request);
  }

  /**
   * A decline's reason is the two firms' own, as their messages are: an organiser acting for a
   * firm sees that a request was declined, not why.
   */
  private async privateTo<T extends RequestView>(
    user: AuthUser,
    companyId: string,
    view: T,
  ): Promise<T> {
    if (view.declineReason === null || (await this.companies.speaksFor(user.id, companyId)))
      return view;
    return { ...view, declineReason: null };
  }

  /** Tells the firm on the other side, in the transaction of the change (see requestNotice). */
  private async tell(
    manager: EntityManager,
    kind: RequestNoticeKind,
    request: MeetingRequest,
    about: { session: MatchmakingSession; fromCompany: Company; toCompany: Company },
  ): Promise<void> {
    await this.notifications.notify(manager, await requestNotice(manager, kind, request, about));
  }

  /** A company's requests in a session, sent and received, newest first. */
  async list(
    user: AuthUser,
    sessionId: string,
    companyId: string,
  ): Promise<{ sent: RequestView[]; received: ReceivedRequestView[] }> {
    const session = await this.sessions.findVisible(user, sessionId);
    await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only its own users or an organiser may see a company's requests",
      );
    }
    const requests = await this.query()
      .where(REQUESTS_OF_COMPANY, { sessionId, companyId })
      .orderBy('request.createdAt', 'DESC')
      .getMany();
    // One question for the whole list: the reasons are the firm's own, or nobody's here.
    const ownFirm = await this.companies.speaksFor(user.id, companyId);
    const views = (await this.withPairState(requests)).map((view) =>
      ownFirm ? view : { ...view, declineReason: null },
    );
    const received = views.filter((view) => view.toCompanyId === companyId);
    return {
      sent: views.filter((view) => view.fromCompanyId === companyId),
      received: await this.withFit(session, companyId, received),
    };
  }

  /** Each received request with its sender's score and reasons for the receiver. */
  private async withFit(
    session: MatchmakingSession,
    companyId: string,
    received: RequestView[],
  ): Promise<ReceivedRequestView[]> {
    if (received.length === 0) return [];
    const senders = received.map((view) => view.fromCompanyId);
    const profiles = await loadProfilesOf(this.dataSource, session.id, [companyId, ...senders]);
    const viewer = profiles.get(companyId);
    const tags = [...profiles.values()].flatMap((profile) => [...profile.offers, ...profile.seeks]);
    const rarity = await loadTagRarity(this.dataSource, session.id, [...new Set(tags)]);
    const scoring = toScoringSession(session);
    return received.map((view) => {
      const sender = profiles.get(view.fromCompanyId);
      const pair = viewer && sender ? explainPair(viewer, sender, scoring, rarity) : null;
      return {
        ...view,
        fit: pair?.eligible ? { score: pair.score, reasons: pair.reasons } : null,
      };
    });
  }

  private query() {
    return this.dataSource
      .getRepository(MeetingRequest)
      .createQueryBuilder('request')
      .innerJoinAndSelect('request.fromCompany', 'fromCompany')
      .innerJoinAndSelect('request.toCompany', 'toCompany');
  }

  private async view(id: string): Promise<RequestView> {
    const request = await this.query().where('request.id = :id', { id }).getOneOrFail();
    return (await this.withPairState([request]))[0];
  }

  /** Whether the request's two firms have a meeting in its session that was not cancelled. */
  private async pairHasMeeting(manager: EntityManager, request: MeetingRequest): Promise<boolean> {
    const [a, b] = [request.fromCompanyId, request.toCompanyId].sort();
    return manager.existsBy(Meeting, {
      sessionId: request.sessionId,
      companyA: a,
      companyB: b,
      status: Not('cancelled'),
    });
  }

  /**
   * Marks the requests whose reverse (same pair, other direction) is also pending or accepted,
   * and those whose pair has a meeting.
   */
  private async withPairState(requests: MeetingRequest[]): Promise<RequestView[]> {
    if (requests.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string; mutual: boolean; scheduled: boolean }[]>(
      `SELECT r.id,
              r.status IN ('pending', 'accepted') AND EXISTS (
                SELECT 1 FROM meeting_requests reverse
                 WHERE reverse.session_id = r.session_id
                   AND reverse.from_company_id = r.to_company_id AND reverse.to_company_id = r.from_company_id
                   AND reverse.status IN ('pending', 'accepted')) AS mutual,
              EXISTS (${PAIR_MEETING_SQL}) AS scheduled
         FROM meeting_requests r WHERE r.id = ANY($1::uuid[])`,
      [requests.map((request) => request.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return requests.map((request) =>
      toRequestView(request, {
        mutual: byId.get(request.id)?.mutual ?? false,
        scheduled: byId.get(request.id)?.scheduled ?? false,
      }),
    );
  }
}
