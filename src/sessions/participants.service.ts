import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import {
  cutPage,
  decodeCursor,
  encodeCursor,
  type CursorPaginationQuery,
  type KeysetPage,
  type PageStart,
} from '../common/keyset';
import { listTotal, runSql } from '../common/list-total';
import { CompaniesService } from '../companies/companies.service';
import { LiveEmitter } from '../live/live-emitter';
import { Company } from '../companies/company.entity';
import { ScoringQueue } from '../matching/scoring-queue';
import { TagRarityCache } from '../matching/tag-rarity-cache';
import type { AgendaMeeting } from '../meetings/agenda-changes';
import { MeetingNotices } from '../meetings/meeting-notices.service';
import { NotificationsService } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';
import { MeetingRequest } from '../requests/meeting-request.entity';
import { requestNotice } from '../requests/request-notice';
import { normaliseAvailability } from './availability';
import type { JoinSessionDto, UpdateParticipantDto } from './dto/session.dto';
import { Participant, type AvailabilityWindow } from './participant.entity';
import {
  participantsFromWhere,
  participantsPageSql,
  type ParticipantKey,
} from './participant-list-sql';
import { sessionCompanyIds } from './session-companies';
import { MatchmakingSession } from './session.entity';
import { SessionsService } from './sessions.service';

export interface ParticipantView {
  sessionId: string;
  companyId: string;
  name: string;
  country: string;
  city: string;
  sectors: string[];
  availability: AvailabilityWindow[];
  joinedAt: string;
}

function toParticipantView(participant: Participant): ParticipantView {
  return {
    sessionId: participant.sessionId,
    companyId: participant.companyId,
    name: participant.company.name,
    country: participant.company.country,
    city: participant.company.city,
    sectors: participant.company.sectors,
    availability: participant.availability,
    joinedAt: participant.createdAt.toISOString(),
  };
}

const PARTICIPANTS_CURSOR = 'participants';

function sideOf(sides: [string[], string[]] | null, country: string): number | null {
  if (!sides) return null;
  if (sides[0].includes(country)) return 0;
  if (sides[1].includes(country)) return 1;
  return -1;
}

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly scoring: ScoringQueue,
    private readonly live: LiveEmitter,
    private readonly meetingNotices: MeetingNotices,
    private readonly notifications: NotificationsService,
    private readonly rarity: TagRarityCache,
  ) {}

  /**
   * A verified company joins (or, joining again, updates its availability). Its own users join
   * it while the session is open or scheduled; organisers may also add companies to a draft.
   */
  async join(
    user: AuthUser,
    sessionId: string,
    input: JoinSessionDto,
  ): Promise<{ participant: ParticipantView; created: boolean }> {
    const session = await this.sessions.findVisible(user, sessionId);
    const company = await this.companies.find(input.companyId);
    if (!(await this.companies.canManage(user, company.id))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may enter this company',
      );
    }
    if (session.status === 'draft' && !isOrganiser(user))
      throw AppError.notFound('session', sessionId);
    this.sessions.assertAllows(session, 'join');
    if (company.status !== 'verified') {
      throw AppError.conflict(
        'company.not_verified',
        'Only verified companies take part; an organiser verifies it first',
      );
    }
    if (sideOf(session.sides, company.country) === -1) {
      throw AppError.conflict(
        'participant.no_side',
        `This session pairs firms of ${session.sides![0].join(', ')} with firms of ${session.sides![1].join(', ')}`,
      );
    }
    const { windows, problems, rules } = normaliseAvailability(input.availability ?? [], session);
    if (Object.keys(problems).length > 0) throw AppError.invalid(problems, rules);

    const { saved, existing } = await this.dataSource.transaction(async (manager) => {
      // Availability is an input of scheduling: ordered with a run's publishing.
      await this.sessions.lockShared(manager, sessionId);
      const repository = manager.getRepository(Participant);
      const existing = await repository.findOneBy({ sessionId, companyId: company.id });
      const saved = await repository.save(
        existing
          ? Object.assign(existing, { availability: windows })
          : repository.create({
              sessionId,
              companyId: company.id,
              availability: windows,
              joinedBy: user.id,
            }),
      );
      return { saved, existing };
    });
    await this.scoring.companyJoined({
      sessionId,
      companyId: company.id,
      stamp: `v${company.version}-${saved.updatedAt.getTime()}`,
    });
    this.live.participantsUpdated(sessionId, await sessionCompanyIds(this.dataSource, sessionId));
    return { participant: toParticipantView({ ...saved, company }), created: !existing };
  }

  /**
   * Replaces a participant's availability (an empty list: the whole session). Its own users or an
   * organiser, while participants may join (draft, open, scheduled); rescored like a join.
   */
  async updateAvailability(
    user: AuthUser,
    sessionId: string,
    companyId: string,
    input: UpdateParticipantDto,
  ): Promise<ParticipantView> {
    const { session, company } = await this.findManaged(user, sessionId, companyId);
    this.sessions.assertAllows(session, 'join');
    const { windows, problems, rules } = normaliseAvailability(input.availability, session);
    if (Object.keys(problems).length > 0) throw AppError.invalid(problems, rules);
    const saved = await this.dataSource.transaction(async (manager) => {
      await this.sessions.lockShared(manager, sessionId);
      const participant = await manager.findOneBy(Participant, { sessionId, companyId });
      if (!participant) throw AppError.notFound('participant', companyId);
      participant.availability = windows;
      return manager.save(participant);
    });
    await this.scoring.companyJoined({
      sessionId,
      companyId,
      stamp: `v${company.version}-${saved.updatedAt.getTime()}`,
    });
    this.live.participantsUpdated(sessionId, await sessionCompanyIds(this.dataSource, sessionId));
    return toParticipantView({ ...saved, company });
  }

  /**
   * Takes a company out of a session before it is live (its own users or an organiser), in one
   * transaction: its requests not yet met are cancelled and the firm on the other side of each is
   * told, its scheduled meetings are cancelled (both sides told, reminders withdrawn), and its
   * match scores go, so that nobody is offered it any more.
   */
  async remove(user: AuthUser, sessionId: string, companyId: string): Promise<void> {
    const { company } = await this.findManaged(user, sessionId, companyId);
    const byFirm = !isOrganiser(user);
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.lockShared(manager, sessionId);
      const participant = await manager.findOneBy(Participant, { sessionId, companyId });
      if (!participant) throw AppError.notFound('participant', companyId);
      const current = await manager.findOneByOrFail(MatchmakingSession, { id: sessionId });
      this.sessions.assertAllows(current, 'join');

      const requests = await manager
        .createQueryBuilder(MeetingRequest, 'request')
        .where('request.sessionId = :sessionId', { sessionId })
        .andWhere('(request.fromCompanyId = :companyId OR request.toCompanyId = :companyId)', {
          companyId,
        })
        .andWhere("request.status IN ('pending', 'accepted')")
        .setLock('pessimistic_write')
        .getMany();
      for (const request of requests) {
        request.status = 'cancelled';
        await manager.save(request);
        await this.tellCancelled(manager, current, company, request);
      }

      const [meetings] = await manager.query<[AgendaMeeting[], number]>(
        `UPDATE meetings SET status = 'cancelled', updated_at = now()
          WHERE session_id = $1 AND status = 'scheduled' AND (company_a = $2 OR company_b = $2)
          RETURNING id, slot_index AS "slotIndex", company_a AS "companyA",
                    company_b AS "companyB", table_number AS "table", room_id AS "roomId"`,
        [sessionId, companyId],
      );
      for (const meeting of meetings) {
        await this.meetingNotices.meetingCancelled(
          manager,
          current,
          meeting,
          byFirm ? companyId : null,
        );
      }

      await manager.query(
        `DELETE FROM match_scores WHERE session_id = $1 AND (company_id = $2 OR other_id = $2)`,
        [sessionId, companyId],
      );
      await manager.delete(Participant, { sessionId, companyId });
    });
    // Its tags no longer count in the session's rarity (the reasons of matches).
    this.rarity.forget(sessionId);
    // The removed company's pages too: it no longer takes part.
    const companyIds = await sessionCompanyIds(this.dataSource, sessionId);
    this.live.participantsUpdated(sessionId, [...companyIds, companyId]);
  }

  /** The firm on the other side of a cancelled request is told why (request.cancelled). */
  private async tellCancelled(
    manager: EntityManager,
    session: MatchmakingSession,
    leaving: Company,
    request: MeetingRequest,
  ): Promise<void> {
    const otherId =
      request.fromCompanyId === leaving.id ? request.toCompanyId : request.fromCompanyId;
    const other = await manager.findOneByOrFail(Company, { id: otherId });
    const [fromCompany, toCompany] =
      request.fromCompanyId === leaving.id ? [leaving, other] : [other, leaving];
    const notice = await requestNotice(manager, 'request.cancelled', request, {
      session,
      fromCompany,
      toCompany,
    });
    await this.notifications.notify(manager, {
      ...notice,
      recipients: await usersOfCompanies(manager, [otherId]),
      params: { ...notice.params, removed: 'yes', removedCompany: leaving.name },
    });
  }

  /** The session (visible to the user) and the company, which the user may act for. */
  private async findManaged(
    user: AuthUser,
    sessionId: string,
    companyId: string,
  ): Promise<{ session: MatchmakingSession; company: Company }> {
    const session = await this.sessions.findVisible(user, sessionId);
    const company = await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, company.id))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may change this participant',
      );
    }
    return { session, company };
  }

  /** A session's participants by name, by `page` or by `after`; the total is exact up to 1,000. */
  async list(
    user: AuthUser,
    sessionId: string,
    query: CursorPaginationQuery,
  ): Promise<KeysetPage<ParticipantView>> {
    await this.sessions.findVisible(user, sessionId);
    const start: PageStart<ParticipantKey> = query.after
      ? { after: decodeCursor(query.after, PARTICIPANTS_CURSOR, ['text', 'uuid']) }
      : { offset: (query.page - 1) * query.pageSize };
    const page = participantsPageSql(sessionId, start, query.pageSize + 1);
    const counted = participantsFromWhere(sessionId);
    const run = runSql(this.dataSource);
    const [fetched, total] = await Promise.all([
      run<Omit<ParticipantView, 'joinedAt'> & { joinedAt: Date }>(page.sql, page.params),
      listTotal(run, counted.sql, counted.params),
    ]);
    const { rows, nextCursor } = cutPage(fetched, query.pageSize, (row) =>
      encodeCursor(PARTICIPANTS_CURSOR, [row.name, row.companyId]),
    );
    return {
      items: rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() })),
      ...total,
      nextCursor,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
