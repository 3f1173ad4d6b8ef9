import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { LiveEmitter } from '../live/live-emitter';
import { MeetingNotices } from '../meetings/meeting-notices.service';
import { Meeting } from '../meetings/meeting.entity';
import type { MeetingOrigin, MeetingStatus } from '../meetings/meeting.wire';
import { MatchmakingSession } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { buildSlots } from '../sessions/slots';
import { draftChanges, firmsChanged, type DraftChanges, type PlacedMeeting } from './draft-changes';
import { replaceMovableMeetings } from './publish-schedule';
import { ScheduleDraft } from './schedule-draft.entity';
import { placementGaps } from './schedule-gaps';
import { fingerprintInputs, loadScheduleInputs } from './schedule-inputs';
import { ScheduleReport, type PlacementReport } from './schedule-report.entity';

/** A meeting of a draft: one that stays (with its id and status) or one the draft would add. */
export interface DraftMeetingView {
  /** The published meeting that stays; none for a meeting the draft would add. */
  id?: string;
  slotIndex: number;
  startsAt: string;
  endsAt: string;
  companyIds: [string, string];
  table?: number;
  origin: MeetingOrigin;
  status: MeetingStatus;
  fixed: boolean;
  /** A meeting that stays where it is whatever the draft (held, pinned, or begun). */
  kept: boolean;
}

export interface ScheduleDraftView {
  draftId: string;
  createdAt: string;
  meetings: DraftMeetingView[];
  report: PlacementReport;
  changes: DraftChanges;
  /** Requests, meetings or participants changed since the draft was made: publishing is refused. */
  stale: boolean;
  /** The first publish of the session tells every participant; a later one the firms it changes. */
  firstPublish: boolean;
  firmsToTell: number;
}

export interface PublishedDraftView {
  meetings: number;
  firmsTold: number;
}

/**
 * Drafts of a session's schedule (made by a draft run, see SchedulePublisher): shown with what
 * they change against the published schedule, discarded, or published in one transaction under
 * the session's row lock, exactly as a run publishes (the same notices and reminders), and only
 * while the inputs are those the draft was planned from.
 */
@Injectable()
export class ScheduleDrafts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly notices: MeetingNotices,
    private readonly live: LiveEmitter,
  ) {}

  async show(user: AuthUser, sessionId: string): Promise<ScheduleDraftView> {
    await this.sessions.findVisible(user, sessionId);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const session = await manager.findOneByOrFail(MatchmakingSession, { id: sessionId });
      const draft = await manager.findOneBy(ScheduleDraft, { sessionId });
      if (!draft) throw AppError.notFound('schedule_draft');
      const inputs = await loadScheduleInputs(manager, session, new Date());
      const slots = buildSlots(session);
      const published = await manager.findBy(Meeting, {
        sessionId,
        status: In(['scheduled', 'held', 'no-show']),
      });
      const keptIds = new Set(inputs.kept.map((meeting) => meeting.id));
      const kept = published.filter((meeting) => keptIds.has(meeting.id));
      const view = (
        placed: PlacedMeeting,
        rest: Pick<DraftMeetingView, 'origin' | 'status' | 'fixed' | 'kept'>,
      ): DraftMeetingView => ({
        ...(placed.id ? { id: placed.id } : {}),
        slotIndex: placed.slotIndex,
        startsAt: slots[placed.slotIndex]?.startsAt.toISOString() ?? '',
        endsAt: slots[placed.slotIndex]?.endsAt.toISOString() ?? '',
        companyIds: [placed.companyA, placed.companyB],
        ...(placed.table !== null ? { table: placed.table } : {}),
        ...rest,
      });
      const placedOf = (meeting: Meeting): PlacedMeeting => ({
        id: meeting.id,
        slotIndex: meeting.slotIndex,
        companyA: meeting.companyA,
        companyB: meeting.companyB,
        table: meeting.tableNumber,
      });
      const added = draft.meetings.map((row) => ({
        placed: { id: null, ...row },
        origin: row.origin,
      }));
      const changes = draftChanges(published.map(placedOf), [
        ...kept.map(placedOf),
        ...added.map((row) => row.placed),
      ]);
      const firstPublish = session.status === 'open';
      return {
        draftId: draft.id,
        createdAt: draft.createdAt.toISOString(),
        meetings: [
          ...kept.map((meeting) =>
            view(placedOf(meeting), {
              origin: meeting.origin,
              status: meeting.status,
              fixed: meeting.fixed,
              kept: true,
            }),
          ),
          ...added.map((row) =>
            view(row.placed, {
              origin: row.origin,
              status: 'scheduled',
              fixed: false,
              kept: false,
            }),
          ),
        ].sort((x, y) => x.slotIndex - y.slotIndex),
        // The gaps of the meetings shown (a draft stored before reports had gaps has them too).
        report: {
          ...draft.report,
          gaps: placementGaps([...kept, ...draft.meetings], slots),
        },
        changes,
        stale: fingerprintInputs(inputs) !== draft.fingerprint,
        firstPublish,
        firmsToTell: (firstPublish
          ? new Set([...inputs.ids, ...firmsChanged(changes)])
          : firmsChanged(changes)
        ).size,
      };
    });
  }

  /** Discards the session's draft, if it has one. */
  async discard(user: AuthUser, sessionId: string): Promise<void> {
    await this.sessions.findVisible(user, sessionId);
    await this.dataSource.getRepository(ScheduleDraft).delete({ sessionId });
  }

  /**
   * Publishes the draft `draftId` in one transaction under the session's row lock: 409 when
   * another draft replaced it, or when the inputs it was planned from changed since (a request,
   * a meeting, a participant, a score, a slot begun); the organiser makes a new draft then.
   */
  async publish(user: AuthUser, sessionId: string, draftId: string): Promise<PublishedDraftView> {
    await this.sessions.findVisible(user, sessionId);
    const published = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, sessionId);
      this.sessions.assertAllows(session, 'schedule');
      const draft = await manager.findOne(ScheduleDraft, {
        where: { sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!draft) throw AppError.notFound('schedule_draft');
      if (draft.id !== draftId) {
        throw AppError.conflict(
          'schedule_draft.replaced',
          'A newer draft replaced this one: review it before publishing',
          { draftId: draft.id },
        );
      }
      const inputs = await loadScheduleInputs(manager, session, new Date());
      if (fingerprintInputs(inputs) !== draft.fingerprint) {
        throw AppError.conflict(
          'schedule_draft.stale',
          'Requests, meetings or participants changed since this draft was made: make a new draft',
          { draftId: draft.id },
        );
      }
      return this.publishDraft(manager, session, draft, inputs.ids, inputs.kept);
    });
    this.live.schedulePublished(sessionId, published.companies);
    return { meetings: published.meetings, firmsTold: published.firmsTold };
  }

  private async publishDraft(
    manager: EntityManager,
    session: MatchmakingSession,
    draft: ScheduleDraft,
    companies: string[],
    kept: { id: string }[],
  ): Promise<{ companies: string[]; meetings: number; firmsTold: number }> {
    const first = session.status === 'open';
    const before = await this.notices.agendaBefore(manager, session.id);
    await replaceMovableMeetings(
      manager,
      session,
      kept.map((meeting) => meeting.id),
      draft.meetings,
    );
    await manager.upsert(ScheduleReport, { sessionId: session.id, report: draft.report }, [
      'sessionId',
    ]);
    if (first) {
      await manager.update(MatchmakingSession, { id: session.id }, { status: 'scheduled' });
    }
    const after = await this.notices.agendaBefore(manager, session.id);
    const changes = draftChanges(
      before.map((meeting) => ({ ...meeting })),
      after.map((meeting) => ({ ...meeting })),
    );
    await this.notices.schedulePublished(manager, session, first, before, companies);
    await manager.delete(ScheduleDraft, { sessionId: session.id });
    const told = first ? new Set([...companies, ...firmsChanged(changes)]) : firmsChanged(changes);
    return { companies, meetings: after.length, firmsTold: told.size };
  }
}
