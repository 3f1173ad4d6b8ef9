import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';
import type { MatchmakingSession } from '../sessions/session.entity';
import { LiveEmitter } from '../live/live-emitter';
import { explainIneligibility } from '../matching/ineligibility-messages';
import { ineligibility } from '../matching/scoring/explain-pair';
import { loadProfilesOf, toScoringSession } from '../matching/session-inputs';
import { SessionsService } from '../sessions/sessions.service';
import type { AnswerRequestDto, CreateRequestDto } from './dto/request.dto';
import { MeetingRequest, type RequestStatus } from './meeting-request.entity';
import type { WireRequest } from '../live/live.wire';

/** Declared once, in the file of wire types the web app shares. */
export type RequestView = WireRequest;

const ACTIVE: RequestStatus[] = ['pending', 'accepted'];

function toRequestView(request: MeetingRequest, mutual: boolean): RequestView {
  return {
    id: request.id,
    sessionId: request.sessionId,
    fromCompanyId: request.fromCompanyId,
    fromCompanyName: request.fromCompany.name,
    toCompanyId: request.toCompanyId,
    toCompanyName: request.toCompany.name,
    message: request.message,
    status: request.status,
    mutual,
    createdAt: request.createdAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
  };
}

/** Meeting requests between the participants of a session. */
@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthUser, sessionId: string, input: CreateRequestDto): Promise<RequestView> {
    const session = await this.sessions.findVisible(user, sessionId);
    if (input.fromCompanyId === input.toCompanyId) {
      throw AppError.invalid({ toCompanyId: ['must be another company than fromCompanyId'] });
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
    try {
      saved = await this.dataSource.transaction(async (manager) => {
        const request = await manager.save(
          repository.create({
            sessionId,
            fromCompanyId: input.fromCompanyId,
            toCompanyId: input.toCompanyId,
            message: input.message ?? '',
            createdBy: user.id,
          }),
        );
        await this.tell(manager, 'request.received', request, { session, fromCompany, toCompany });
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

  /** The receiver accepts or declines a pending request; the sender cancels one not yet declined. */
  async answer(
    user: AuthUser,
    sessionId: string,
    requestId: string,
    input: AnswerRequestDto,
  ): Promise<RequestView> {
    const session = await this.sessions.findVisible(user, sessionId);
    const updated = await this.dataSource.transaction(async (manager) => {
      await this.sessions.lockShared(manager, sessionId);
      const request = await manager.findOne(MeetingRequest, {
        where: { id: requestId, sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw AppError.notFound('request', requestId);
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
      if (request.status === input.status) return request;
      this.sessions.assertAllows(session, 'request');
      const from: RequestStatus[] =
        input.status === 'cancelled' ? ['pending', 'accepted'] : ['pending'];
      if (!from.includes(request.status)) {
        throw AppError.conflict('request.not_pending', `This request is already ${request.status}`);
      }
      request.status = input.status;
      request.answeredAt = new Date();
      const saved = await manager.save(request);
      const [fromCompany, toCompany] = await Promise.all([
        manager.findOneByOrFail(Company, { id: request.fromCompanyId }),
        manager.findOneByOrFail(Company, { id: request.toCompanyId }),
      ]);
      await this.tell(
        manager,
        input.status === 'cancelled' ? 'request.cancelled' : 'request.answered',
        saved,
        { session, fromCompany, toCompany },
      );
      return saved;
    });
    const view = await this.view(updated.id);
    this.live.requestUpdated(view);
    return view;
  }

  /**
   * Tells the firm on the other side, in the transaction of the change: a new request goes to the
   * receiver's users, an answer to the sender's, a cancellation to the receiver's. Times are the
   * session's start in each reader's zone, beside the local time of the firm that acted.
   */
  private async tell(
    manager: EntityManager,
    kind: 'request.received' | 'request.answered' | 'request.cancelled',
    request: MeetingRequest,
    about: { session: MatchmakingSession; fromCompany: Company; toCompany: Company },
  ): Promise<void> {
    const { session, fromCompany, toCompany } = about;
    const toSender = kind === 'request.answered';
    const actor = toSender ? toCompany : fromCompany;
    await this.notifications.notify(manager, {
      kind,
      recipients: await usersOfCompanies(manager, [toSender ? fromCompany.id : toCompany.id]),
      params: {
        fromCompany: fromCompany.name,
        fromCountry: fromCompany.country,
        toCompany: toCompany.name,
        toCountry: toCompany.country,
        session: session.title,
        startsAt: {
          at: session.startsAt.toISOString(),
          otherZone: actor.timezone,
          otherName: actor.name,
        },
        status: request.status,
        hasMessage: request.message ? 'yes' : 'no',
        message: request.message,
      },
      link: `/sessions/${session.id}`,
    });
  }

  /** A company's requests in a session, sent and received, newest first. */
  async list(
    user: AuthUser,
    sessionId: string,
    companyId: string,
  ): Promise<{ sent: RequestView[]; received: RequestView[] }> {
    await this.sessions.findVisible(user, sessionId);
    await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only its own users or an organiser may see a company's requests",
      );
    }
    const requests = await this.query()
      .where('request.sessionId = :sessionId', { sessionId })
      .andWhere('(request.fromCompanyId = :companyId OR request.toCompanyId = :companyId)', {
        companyId,
      })
      .orderBy('request.createdAt', 'DESC')
      .getMany();
    const views = await this.withMutual(requests);
    return {
      sent: views.filter((view) => view.fromCompanyId === companyId),
      received: views.filter((view) => view.toCompanyId === companyId),
    };
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
    return (await this.withMutual([request]))[0];
  }

  /** Marks the requests whose reverse (same pair, other direction) is also pending or accepted. */
  private async withMutual(requests: MeetingRequest[]): Promise<RequestView[]> {
    if (requests.length === 0) return [];
    const pairs = await this.dataSource.query<{ id: string }[]>(
      `SELECT r.id FROM meeting_requests r
         JOIN meeting_requests reverse ON reverse.session_id = r.session_id
          AND reverse.from_company_id = r.to_company_id AND reverse.to_company_id = r.from_company_id
          AND reverse.status IN ('pending', 'accepted')
        WHERE r.id = ANY($1::uuid[]) AND r.status IN ('pending', 'accepted')`,
      [requests.map((request) => request.id)],
    );
    const mutual = new Set(pairs.map((pair) => pair.id));
    return requests.map((request) => toRequestView(request, mutual.has(request.id)));
  }
}
