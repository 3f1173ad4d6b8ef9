import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { TokenService } from '../auth/token.service';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { localTime } from '../delegations/delegation-time';
import { LiveEmitter } from '../live/live-emitter';
import { agendaGaps, placementGaps, type AgendaGaps } from '../scheduling/schedule-gaps';
import { ScheduleReport, type PlacementReport } from '../scheduling/schedule-report.entity';
import { MatchmakingSession } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { buildSlots } from '../sessions/slots';
import { User } from '../users/user.entity';
import type { FeedbackDto, UpdateMeetingDto } from './dto/meeting.dto';
import { Attendance } from './attendance.entity';
import { MeetingFeedback } from './feedback.entity';
import { meetingsCalendar } from './meeting-calendar';
import { MeetingNotices } from './meeting-notices.service';
import { MeetingBoard } from './meeting-board.service';
import { Meeting } from './meeting.entity';
import { refusedFeedback, refusedTransition } from './meeting-transitions';
import { toMeetingView, type MeetingView } from './meeting.view';
import type { Outcome } from './meeting.wire';

export interface AgendaItem extends MeetingView {
  /** The slot in the viewer's zone. */
  local: { startsAt: string; endsAt: string; timezone: string };
  other: {
    id: string;
    name: string;
    country: string;
    city: string;
    timezone: string;
    localStartsAt: string;
  };
  /** The feedback this company gave on the meeting, or null while it has given none. */
  feedback: { rating: number; outcome: Outcome; comment: string; givenAt: string } | null;
}

/** Whether the meeting's slot has started (not, for a slot the session's window no longer has). */
function hasBegun(session: MatchmakingSession, slotIndex: number, now = new Date()): boolean {
  const slot = buildSlots(session)[slotIndex];
  return slot !== undefined && slot.startsAt <= now;
}

function toFeedbackView(given: MeetingFeedback | undefined): AgendaItem['feedback'] {
  if (!given) return null;
  return {
    rating: given.rating,
    outcome: given.outcome,
    comment: given.comment,
    givenAt: given.createdAt.toISOString(),
  };
}

/** Published schedules, agendas, and the life of a meeting: held, no-show, cancelled, feedback. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
    private readonly tokens: TokenService,
    private readonly notices: MeetingNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly board: MeetingBoard,
  ) {}

  /** The whole schedule with its placement report (organisers). */
  async schedule(
    user: AuthUser,
    sessionId: string,
  ): Promise<{ meetings: MeetingView[]; report: PlacementReport | null }> {
    const session = await this.sessions.findVisible(user, sessionId);
    const slots = buildSlots(session);
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: { sessionId },
      order: { slotIndex: 'ASC', companyA: 'ASC' },
    });
    const report = await this.dataSource.getRepository(ScheduleReport).findOneBy({ sessionId });
    // The gaps of the meetings as they stand, changes by hand included, not as they were planned.
    const gaps = placementGaps(
      meetings.filter((meeting) => meeting.status !== 'cancelled'),
      slots,
    );
    return {
      meetings: meetings.map((meeting) => toMeetingView(meeting, slots)),
      report: report ? { ...report.report, gaps } : null,
    };
  }

  /** One company's meetings, in slot order, in UTC and in the viewer's zone. */
  async agenda(
    user: AuthUser,
    sessionId: string,
    companyId: string,
    timezone?: string,
  ): Promise<AgendaItem[]> {
    const { session, company } = await this.agendaSession(user, sessionId, companyId);
    return this.loadAgenda(session, company, timezone);
  }

  /** The gaps between one company's meetings (those its agenda shows), with their idle time. */
  async agendaGaps(user: AuthUser, sessionId: string, companyId: string): Promise<AgendaGaps> {
    const { session } = await this.agendaSession(user, sessionId, companyId);
    const meetings = await this.dataSource.getRepository(Meeting).find({
      select: { slotIndex: true },
      where: [
        { sessionId, companyA: companyId, status: Not('cancelled') },
        { sessionId, companyB: companyId, status: Not('cancelled') },
      ],
    });
    return agendaGaps(
      meetings.map((meeting) => meeting.slotIndex),
      buildSlots(session),
    );
  }

  /** The session and the company, once the caller may see the company's agenda in it. */
  private async agendaSession(
    user: AuthUser,
    sessionId: string,
    companyId: string,
  ): Promise<{ session: MatchmakingSession; company: Company }> {
    const session = await this.sessions.findVisible(user, sessionId);
    const company = await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only its own users or an organiser may see a company's agenda",
      );
    }
    return { session, company };
  }

  private async loadAgenda(
    session: MatchmakingSession,
    company: Company,
    timezone?: string,
  ): Promise<AgendaItem[]> {
    const sessionId = session.id;
    const companyId = company.id;
    const zone = timezone ?? company.timezone;
    const slots = buildSlots(session);
    const meetings = await this.dataSource.getRepository(Meeting).find({
      where: [
        { sessionId, companyA: companyId, status: Not('cancelled') },
        { sessionId, companyB: companyId, status: Not('cancelled') },
      ],
      order: { slotIndex: 'ASC' },
    });
    const others = await this.dataSource.getRepository(Company).findBy({
      id: In(
        meetings.map((meeting) =>
          meeting.companyA === companyId ? meeting.companyB : meeting.companyA,
        ),
      ),
    });
    const byId = new Map(others.map((other) => [other.id, other]));
    const feedback = await this.dataSource.getRepository(MeetingFeedback).findBy({
      companyId,
      meetingId: In(meetings.map((meeting) => meeting.id)),
    });
    const feedbackOf = new Map(feedback.map((given) => [given.meetingId, given]));
    return meetings.map((meeting) => {
      const view = toMeetingView(meeting, slots);
      const slot = slots[meeting.slotIndex];
      const other = byId.get(meeting.companyA === companyId ? meeting.companyB : meeting.companyA);
      return {
        ...view,
        local: {
          startsAt: localTime(slot.startsAt, zone),
          endsAt: localTime(slot.endsAt, zone),
          timezone: zone,
        },
        other: {
          id: other?.id ?? '',
          name: other?.name ?? '',
          country: other?.country ?? '',
          city: other?.city ?? '',
          timezone: other?.timezone ?? 'UTC',
          localStartsAt: localTime(slot.startsAt, other?.timezone ?? 'UTC'),
        },
        feedback: toFeedbackView(feedbackOf.get(meeting.id)),
      };
    });
  }

  /** The agenda as iCalendar, for the company's users and organisers. */
  async agendaCalendar(
    user: AuthUser,
    sessionId: string,
    companyId: string,
  ): Promise<{ filename: string; body: string }> {
    const { session, company } = await this.agendaSession(user, sessionId, companyId);
    return this.calendarOf(session, company);
  }

  /**
   * A link calendar apps can subscribe to (they send no bearer token): the feed's key names the
   * session and the company and is signed, so it opens that agenda and nothing else.
   */
  async agendaFeed(user: AuthUser, sessionId: string, companyId: string): Promise<{ url: string }> {
    await this.agendaSession(user, sessionId, companyId);
    const key = await this.tokens.signFeed({ sessionId, companyId, userId: user.id });
    return { url: `/api/calendar/agenda.ics?key=${encodeURIComponent(key)}` };
  }

  /**
   * The agenda of a feed key, or 404 for a key that is not one. The key opens it only while its
   * user could still make it: not disabled, and still one of the company's users or an organiser
   * (a year-long key must not outlive the access it was made with).
   */
  async agendaCalendarByKey(key: string): Promise<{ filename: string; body: string }> {
    const feed = await this.tokens.verifyFeed(key);
    const user = feed
      ? await this.dataSource.getRepository(User).findOneBy({ id: feed.userId })
      : null;
    if (!feed || !user || user.disabledAt) throw AppError.notFound('calendar_feed');
    const viewer: AuthUser = { id: user.id, email: user.email, name: user.name, role: user.role };
    const { session, company } = await this.agendaSession(
      viewer,
      feed.sessionId,
      feed.companyId,
    ).catch((error: unknown) => {
      throw error instanceof AppError ? AppError.notFound('calendar_feed') : error;
    });
    return this.calendarOf(session, company);
  }

  private async calendarOf(
    session: MatchmakingSession,
    company: Company,
  ): Promise<{ filename: string; body: string }> {
    const items = await this.loadAgenda(session, company);
    return meetingsCalendar(
      session,
      company.id,
      items.map((item) => ({
        id: item.id,
        startsAt: new Date(item.startsAt),
        endsAt: new Date(item.endsAt),
        table: item.table ?? null,
        roomId: item.roomId ?? null,
        other: item.other,
      })),
      this.config.appUrl,
    );
  }

  /**
   * Organisers mark a meeting held or a no-show, or fix it in its slot; either side or an
   * organiser cancels it, which frees both companies' slot. A cancelled meeting stays cancelled,
   * and one that took place is never cancelled (see refusedTransition). Under the session's row
   * lock in share mode, then the meeting's: a scheduling run publishing waits for this, or this
   * for it (see SessionsService.lockShared).
   */
  async update(user: AuthUser, meetingId: string, input: UpdateMeetingDto): Promise<MeetingView> {
    if (
      input.slotIndex !== undefined ||
      input.table !== undefined ||
      input.swapWith !== undefined
    ) {
      // A move on the board (organisers): see MeetingBoard.
      if (input.status !== undefined) {
        throw AppError.invalid(
          { status: ['give a status or a move (slotIndex, table, swapWith), not both'] },
          {
            status: [{ rule: 'exclusive', params: { fields: ['slotIndex', 'table', 'swapWith'] } }],
          },
        );
      }
      return this.board.move(user, meetingId, input);
    }
    if (input.status === undefined && input.fixed === undefined) {
      throw AppError.invalid(
        { status: ['give status, fixed or both'] },
        { status: [{ rule: 'oneChange', params: { fields: ['status', 'fixed'] } }] },
      );
    }
    const { meeting, session } = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Meeting, {
        where: { id: meetingId },
        select: { id: true, sessionId: true },
      });
      if (!found) throw AppError.notFound('meeting', meetingId);
      await this.sessions.lockShared(manager, found.sessionId);
      const meeting = await manager.findOne(Meeting, {
        where: { id: meetingId },
        lock: { mode: 'pessimistic_write' },
      });
      // Gone if a scheduling run replaced it while this waited for the lock.
      if (!meeting) throw AppError.notFound('meeting', meetingId);
      const session = await manager.findOneByOrFail(MatchmakingSession, { id: meeting.sessionId });
      const onlyCancelling = input.status === 'cancelled' && input.fixed === undefined;
      const side =
        onlyCancelling &&
        ((await this.companies.speaksFor(user.id, meeting.companyA, manager)) ||
          (await this.companies.speaksFor(user.id, meeting.companyB, manager)));
      if (!isOrganiser(user) && !side) {
        throw AppError.forbidden(
          onlyCancelling ? 'meeting.not_yours' : 'auth.role_required',
          onlyCancelling
            ? 'Only its two firms or an organiser may cancel a meeting'
            : 'Organisers mark meetings held or no-show and fix them',
        );
      }
      const changesStatus = input.status !== undefined && input.status !== meeting.status;
      if ((changesStatus || input.fixed !== undefined) && meeting.status === 'cancelled') {
        if (!changesStatus && input.fixed === meeting.fixed) return { meeting, session };
        throw AppError.conflict('meeting.cancelled', 'This meeting was cancelled');
      }
      if (!changesStatus && (input.fixed === undefined || input.fixed === meeting.fixed))
        return { meeting, session };
      if (session.status === 'closed')
        throw AppError.conflict('session.closed', 'The session is closed');
      if (changesStatus && input.status) {
        const feedbackGiven = await manager.existsBy(MeetingFeedback, { meetingId });
        const refused = refusedTransition(
          meeting.status,
          input.status,
          feedbackGiven,
          hasBegun(session, meeting.slotIndex),
        );
        if (refused) throw AppError.conflict(refused.code, refused.message);
      }
      if (input.fixed !== undefined) meeting.fixed = input.fixed;
      if (changesStatus && input.status) {
        meeting.status = input.status;
        if (input.status === 'cancelled') {
          await manager.delete(Attendance, { meetingId });
          await this.notices.meetingCancelled(
            manager,
            session,
            { ...meeting, table: meeting.tableNumber },
            isOrganiser(user)
              ? null
              : (await this.companies.speaksFor(user.id, meeting.companyA, manager))
                ? meeting.companyA
                : meeting.companyB,
          );
        }
      }
      return { meeting: await manager.save(meeting), session };
    });
    const view = toMeetingView(meeting, buildSlots(session));
    this.live.meetingUpdated(view);
    return view;
  }

  /** Each side leaves feedback once, once the meeting has begun (see refusedFeedback). */
  async feedback(user: AuthUser, meetingId: string, input: FeedbackDto): Promise<MeetingFeedback> {
    const meeting = await this.dataSource.getRepository(Meeting).findOneBy({ id: meetingId });
    if (!meeting) throw AppError.notFound('meeting', meetingId);
    const sides = [meeting.companyA, meeting.companyB];
    const mine: string[] = [];
    for (const side of sides) if (await this.companies.speaksFor(user.id, side)) mine.push(side);
    if (input.companyId && !sides.includes(input.companyId)) {
      throw AppError.invalid(
        { companyId: ['must be one of the two firms of this meeting'] },
        { companyId: [{ rule: 'meetingFirm' }] },
      );
    }
    const companyId = input.companyId ?? (mine.length === 1 ? mine[0] : undefined);
    if (mine.length === 0 || (companyId && !mine.includes(companyId))) {
      throw AppError.forbidden(
        'meeting.not_yours',
        'Only the two firms of a meeting leave feedback on it',
      );
    }
    if (!companyId)
      throw AppError.invalid(
        { companyId: ['say which of your two firms gives this feedback'] },
        { companyId: [{ rule: 'meetingFirm' }] },
      );
    const session = await this.dataSource
      .getRepository(MatchmakingSession)
      .findOneByOrFail({ id: meeting.sessionId });
    const feedback = {
      meetingId,
      companyId,
      rating: input.rating,
      outcome: input.outcome,
      comment: input.comment ?? '',
      givenBy: user.id,
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        // Under the meeting's row lock in share mode: a cancellation either comes first and is
        // seen here, or waits and then sees this feedback (see refusedTransition).
        const current = await manager.findOne(Meeting, {
          where: { id: meetingId },
          lock: { mode: 'pessimistic_read' },
        });
        // Gone if a scheduling run replaced it meanwhile.
        if (!current) throw AppError.notFound('meeting', meetingId);
        const refused = refusedFeedback(current.status, hasBegun(session, current.slotIndex));
        if (refused) throw AppError.conflict(refused.code, refused.message);
        // insert, not save: a second feedback must fail on the primary key, not overwrite it.
        await manager.insert(MeetingFeedback, feedback);
      });
      return this.dataSource
        .getRepository(MeetingFeedback)
        .findOneByOrFail({ meetingId, companyId });
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(
          'feedback.duplicate',
          'Your firm has already given feedback on this meeting',
        );
      throw error;
    }
  }
}
