import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { explainIneligibility } from '../matching/ineligibility-messages';
import { loadProfilesOf, toScoringSession } from '../matching/session-inputs';
import { ineligibility } from '../matching/scoring/explain-pair';
import { LiveEmitter } from '../live/live-emitter';
import { newRoomId } from '../scheduling/publish-schedule';
import { toIntervals } from '../sessions/availability';
import { Participant } from '../sessions/participant.entity';
import { MatchmakingSession } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { buildSlots } from '../sessions/slots';
import { Attendance } from './attendance.entity';
import { asAgenda, checkMovable, checkPlace, placementOf, refused } from './board-checks';
import { freeTable, placementConflict, type BoardState, type Placement } from './board-rules';
import type { BookMeetingDto } from './dto/board.dto';
import type { UpdateMeetingDto } from './dto/meeting.dto';
import { MeetingNotices } from './meeting-notices.service';
import { Meeting } from './meeting.entity';
import { toMeetingView, type MeetingView } from './meeting.view';
import type { MeetingOrigin } from './meeting.wire';

/** A board move: where to (`slotIndex`, `table`) or whom to swap with, and a pin. */
export type BoardMove = Pick<UpdateMeetingDto, 'slotIndex' | 'table' | 'swapWith' | 'fixed'>;

/**
 * The board by hand (organisers): book a meeting in a free cell, move one, swap two, pin one,
 * each under every hard constraint (`board-rules.ts`), in one transaction that holds the
 * session's row lock in share mode (a scheduling run publishes after it, or it after the run)
 * and the participant rows of the firms concerned FOR UPDATE, in id order: two organisers placing
 * meetings of one firm at once take turns, so its slots and its count of meetings are read after
 * the other's commit. The database refuses what would still slip through (a firm twice in a slot,
 * a table twice, a pair twice); each refusal is a 409 naming the rule and what is in the way.
 * Both firms are told, as of a published change, and their reminders follow.
 */
@Injectable()
export class MeetingBoard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly notices: MeetingNotices,
    private readonly live: LiveEmitter,
  ) {}

  async book(user: AuthUser, sessionId: string, input: BookMeetingDto): Promise<MeetingView> {
    await this.sessions.findVisible(user, sessionId);
    const [first, second] = input.companyIds;
    if (first === second) {
      throw AppError.invalid(
        { companyIds: ['must name two different companies'] },
        { companyIds: [{ rule: 'differentCompanies' }] },
      );
    }
    const [companyA, companyB] = [first, second].sort();
    const { meeting, session } = await this.guarded(() =>
      this.dataSource.transaction(async (manager) => {
        await this.sessions.lockShared(manager, sessionId);
        const session = await manager.findOneByOrFail(MatchmakingSession, { id: sessionId });
        this.sessions.assertAllows(session, 'schedule');
        checkPlace(session, input.slotIndex, input.table);
        const state = await this.lockBoard(manager, session, [companyA, companyB]);
        await this.checkPair(manager, session, companyA, companyB);
        const table = state.inPerson
          ? (input.table ?? freeTable(state, input.slotIndex, state.meetings))
          : null;
        const placement = { meetingId: null, companyA, companyB, slotIndex: input.slotIndex };
        if (state.inPerson && table === null) {
          throw AppError.conflict(
            'board.tables_full',
            `Every table (${session.tables}) already has a meeting in that slot`,
            { slotIndex: input.slotIndex },
          );
        }
        const conflict = placementConflict(state, [{ ...placement, table }]);
        if (conflict) throw refused(conflict);
        const { origin, score } = await this.originOf(manager, session, companyA, companyB);
        const meeting = await manager.save(
          manager.create(Meeting, {
            sessionId,
            slotIndex: input.slotIndex,
            companyA,
            companyB,
            tableNumber: table,
            roomId: state.inPerson ? null : newRoomId(),
            origin,
            score,
            // Placed by hand: scheduling again leaves it where the organiser put it.
            fixed: true,
          }),
        );
        await this.attend(manager, [meeting]);
        await this.notices.meetingsPlaced(manager, session, [
          { before: null, after: asAgenda(meeting) },
        ]);
        return { meeting, session };
      }),
    );
    const view = toMeetingView(meeting, buildSlots(session));
    this.live.meetingUpdated(view);
    return view;
  }

  /** Moves a meeting (slot, table), or swaps it with another one; `fixed` pins it as well. */
  async move(user: AuthUser, meetingId: string, input: BoardMove): Promise<MeetingView> {
    if (!isOrganiser(user)) {
      throw AppError.forbidden('auth.role_required', 'Organisers move meetings on the board');
    }
    if (input.swapWith !== undefined && (input.slotIndex ?? input.table) !== undefined) {
      throw AppError.invalid(
        { swapWith: ['give swapWith, or slotIndex and table, not both'] },
        { swapWith: [{ rule: 'exclusive', params: { fields: ['slotIndex', 'table'] } }] },
      );
    }
    if (input.swapWith === meetingId) {
      throw AppError.invalid(
        { swapWith: ['must be another meeting than this one'] },
        { swapWith: [{ rule: 'otherMeeting' }] },
      );
    }
    const { moved, session } = await this.guarded(() =>
      this.dataSource.transaction(async (manager) => {
        const found = await manager.findOne(Meeting, {
          where: { id: meetingId },
          select: { id: true, sessionId: true, companyA: true, companyB: true },
        });
        if (!found) throw AppError.notFound('meeting', meetingId);
        await this.sessions.lockShared(manager, found.sessionId);
        const session = await manager.findOneByOrFail(MatchmakingSession, {
          id: found.sessionId,
        });
        this.sessions.assertAllows(session, 'schedule');
        const other =
          input.swapWith === undefined
            ? null
            : await manager.findOne(Meeting, {
                where: { id: input.swapWith, sessionId: session.id },
                select: { id: true, companyA: true, companyB: true },
              });
        if (input.swapWith !== undefined && !other) {
          throw AppError.invalid(
            { swapWith: ['must be a meeting of the same session'] },
            { swapWith: [{ rule: 'sameSession' }] },
          );
        }
        const firms = [found, ...(other ? [other] : [])].flatMap((m) => [m.companyA, m.companyB]);
        const state = await this.lockBoard(manager, session, firms);
        // Locked after the firms, in id order; gone if a scheduling run replaced them meanwhile.
        const locked = await manager.find(Meeting, {
          where: { id: In([meetingId, ...(other ? [other.id] : [])]) },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        const meeting = locked.find((m) => m.id === meetingId);
        const partner = other ? locked.find((m) => m.id === other.id) : undefined;
        if (!meeting) throw AppError.notFound('meeting', meetingId);
        if (other && !partner) throw AppError.notFound('meeting', other.id);
        const slots = buildSlots(session);
        for (const each of [meeting, ...(partner ? [partner] : [])]) {
          checkMovable(each, slots[each.slotIndex]?.startsAt.getTime() ?? 0, state.now);
        }
        let placements: Placement[];
        if (partner) {
          placements = [
            { ...placementOf(meeting), slotIndex: partner.slotIndex, table: partner.tableNumber },
            { ...placementOf(partner), slotIndex: meeting.slotIndex, table: meeting.tableNumber },
          ];
        } else {
          const slotIndex = input.slotIndex ?? meeting.slotIndex;
          checkPlace(session, slotIndex, input.table);
          const others = state.meetings.filter((m) => m.id !== meeting.id);
          const keepsTable =
            meeting.tableNumber !== null &&
            !others.some((m) => m.slotIndex === slotIndex && m.table === meeting.tableNumber);
          const table = !state.inPerson
            ? null
            : (input.table ??
              (keepsTable ? meeting.tableNumber : freeTable(state, slotIndex, others)));
          placements = [{ ...placementOf(meeting), slotIndex, table }];
        }
        const unchanged = placements.every((placement) => {
          const current = locked.find((m) => m.id === placement.meetingId);
          return (
            current?.slotIndex === placement.slotIndex && current.tableNumber === placement.table
          );
        });
        if (!unchanged) {
          if (placements.some((placement) => state.inPerson && placement.table === null)) {
            throw AppError.conflict(
              'board.tables_full',
              `Every table (${session.tables}) already has a meeting in that slot`,
              { slotIndex: placements[0].slotIndex },
            );
          }
          const conflict = placementConflict(state, placements);
          if (conflict) throw refused(conflict);
        }
        const before = locked.map(asAgenda);
        if (!unchanged) await this.place(manager, locked, placements);
        if (input.fixed !== undefined) meeting.fixed = input.fixed;
        const saved = await manager.save(locked);
        if (!unchanged) {
          await this.notices.meetingsPlaced(
            manager,
            session,
            saved.map((m) => ({
              before: before.find((b) => b.id === m.id) ?? null,
              after: asAgenda(m),
            })),
          );
        }
        return { moved: saved, session };
      }),
    );
    const slots = buildSlots(session);
    const views = moved.map((meeting) => toMeetingView(meeting, slots));
    for (const view of views) this.live.meetingUpdated(view);
    return views.find((view) => view.id === meetingId) ?? views[0];
  }

  /**
   * Locks the participant rows of `companyIds` (FOR UPDATE, in id order) and reads the board as
   * the rules see it: slots, tables, limits, every participant's availability, the meetings.
   */
  private async lockBoard(
    manager: EntityManager,
    session: MatchmakingSession,
    companyIds: readonly string[],
  ): Promise<BoardState> {
    await manager.query(
      `SELECT company_id FROM session_participants
        WHERE session_id = $1 AND company_id = ANY($2::uuid[])
        ORDER BY company_id FOR UPDATE`,
      [session.id, [...new Set(companyIds)]],
    );
    const participants = await manager.find(Participant, {
      where: { sessionId: session.id, companyId: In([...new Set(companyIds)]) },
    });
    const meetings = await manager.find(Meeting, {
      where: { sessionId: session.id, status: Not('cancelled') },
    });
    return {
      now: Date.now(),
      slots: buildSlots(session).map((slot) => ({
        index: slot.index,
        startsAt: slot.startsAt.getTime(),
        endsAt: slot.endsAt.getTime(),
      })),
      inPerson: session.mode === 'in-person',
      tables: session.mode === 'in-person' ? session.tables : null,
      maxMeetings: session.maxMeetingsPerCompany,
      availability: new Map(
        participants.map((participant) => [
          participant.companyId,
          toIntervals(participant.availability),
        ]),
      ),
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        slotIndex: meeting.slotIndex,
        companyA: meeting.companyA,
        companyB: meeting.companyB,
        table: meeting.tableNumber,
      })),
    };
  }

  /** A pair the session's sides or rules keep apart, or one with a declined request, is refused. */
  private async checkPair(
    manager: EntityManager,
    session: MatchmakingSession,
    companyA: string,
    companyB: string,
  ): Promise<void> {
    const profiles = await loadProfilesOf(manager, session.id, [companyA, companyB]);
    for (const companyId of [companyA, companyB]) {
      if (!profiles.has(companyId)) {
        throw AppError.conflict(
          'board.not_participant',
          'This firm does not take part in the session',
          { companyId },
        );
      }
    }
    const reason = ineligibility(
      profiles.get(companyA)!,
      profiles.get(companyB)!,
      toScoringSession(session),
    );
    if (reason) throw AppError.conflict('board.ineligible', explainIneligibility(reason));
    const [declined] = await manager.query<{ id: string }[]>(
      `SELECT id FROM meeting_requests
        WHERE session_id = $1 AND status = 'declined'
          AND ((from_company_id = $2 AND to_company_id = $3) OR (from_company_id = $3 AND to_company_id = $2))
        LIMIT 1`,
      [session.id, companyA, companyB],
    );
    if (declined) {
      throw AppError.conflict(
        'board.pair_declined',
        'One of these firms declined to meet the other: the pair is never scheduled',
        { requestId: declined.id },
      );
    }
  }

  /** Why the pair meets, as scheduling would say: their requests, else their score. */
  private async originOf(
    manager: EntityManager,
    session: MatchmakingSession,
    companyA: string,
    companyB: string,
  ): Promise<{ origin: MeetingOrigin; score: number }> {
    const requests = await manager.query<{ from_company_id: string; status: string }[]>(
      `SELECT from_company_id, status FROM meeting_requests
        WHERE session_id = $1 AND status IN ('pending', 'accepted')
          AND ((from_company_id = $2 AND to_company_id = $3) OR (from_company_id = $3 AND to_company_id = $2))`,
      [session.id, companyA, companyB],
    );
    const [scored] = await manager.query<{ score: number }[]>(
      `SELECT max(score) AS score FROM match_scores
        WHERE session_id = $1 AND generation = $2
          AND ((company_id = $3 AND other_id = $4) OR (company_id = $4 AND other_id = $3))`,
      [session.id, session.scoreGeneration, companyA, companyB],
    );
    const score = scored?.score ?? 0;
    const directions = new Set(requests.map((request) => request.from_company_id));
    if (directions.size === 2) return { origin: 'mutual', score };
    if (requests.some((request) => request.status === 'accepted'))
      return { origin: 'accepted', score };
    if (requests.length > 0) return { origin: 'pending', score };
    return { origin: 'score', score };
  }

  /** Writes placements: the meetings' slot and table, and their attendance rows. */
  private async place(
    manager: EntityManager,
    meetings: Meeting[],
    placements: readonly Placement[],
  ): Promise<void> {
    const ids = meetings.map((meeting) => meeting.id);
    await manager.delete(Attendance, { meetingId: In(ids) });
    // Tables freed first: two meetings of one slot may exchange theirs.
    await manager.update(Meeting, { id: In(ids) }, { tableNumber: null });
    for (const meeting of meetings) {
      const placement = placements.find((p) => p.meetingId === meeting.id);
      if (!placement) continue;
      meeting.slotIndex = placement.slotIndex;
      meeting.tableNumber = placement.table;
      await manager.update(
        Meeting,
        { id: meeting.id },
        { slotIndex: placement.slotIndex, tableNumber: placement.table },
      );
    }
    await this.attend(manager, meetings);
  }

  private async attend(manager: EntityManager, meetings: readonly Meeting[]): Promise<void> {
    await manager.insert(
      Attendance,
      meetings.flatMap((meeting) =>
        [meeting.companyA, meeting.companyB].map((companyId) => ({
          sessionId: meeting.sessionId,
          slotIndex: meeting.slotIndex,
          companyId,
          meetingId: meeting.id,
        })),
      ),
    );
  }

  /** What the database refused after the checks (another organiser was faster), as a 409. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'meetings_pair_key')) {
        throw AppError.conflict('board.pair_meets', 'These two firms already have a meeting', {});
      }
      if (isUniqueViolation(error, 'meetings_table_key')) {
        throw AppError.conflict('board.table_taken', 'That table already has a meeting then', {});
      }
      if (isUniqueViolation(error)) {
        throw AppError.conflict(
          'board.company_busy',
          'One of these firms already has a meeting in that slot',
          {},
        );
      }
      throw error;
    }
  }
}
