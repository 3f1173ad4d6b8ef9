import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource, In } from 'typeorm';
import { AppError } from '../common/app-error';
import { Company } from '../companies/company.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Meeting } from '../meetings/meeting.entity';
import { toMeetingView } from '../meetings/meeting.view';
import { REDIS } from '../redis/redis.module';
import { NotificationsService } from '../notifications/notifications.service';
import { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots, slotAt, type Slot } from '../sessions/slots';
import { AfterCommit } from '../notifications/after-commit';
import { LiveEmitter, toLiveSlot } from './live-emitter';
import {
  rooms,
  type Announcement,
  type LiveMeeting,
  type LivePresence,
  type LiveSessionState,
  type PresenceUser,
  type SocketData,
} from './live.events';
import { PresenceService } from './presence.service';

/** Users the join acknowledgement lists beside the count and the partners. */
const FIRST_PRESENCE_PAGE = 20;
/** Most changes a client joining again is sent; further behind, it gets the first page again. */
const MAX_PRESENCE_CHANGES_SINCE = 500;
/** Announcements a session keeps for people who join later. */
const KEPT_ANNOUNCEMENTS = 20;
/** Largest WebRTC message relayed (an SDP offer is a few kilobytes). */
export const MAX_SIGNAL_BYTES = 64 * 1024;

export interface SessionAccess {
  session: MatchmakingSession;
  /** Who the caller is in the room. */
  user: PresenceUser;
  /** The meetings of the caller's companies in the session, cancelled ones aside, by slot. */
  meetings: Meeting[];
}

function isOrganiserRole(role: string): boolean {
  return role === 'organiser' || role === 'admin';
}

/**
 * What the live room needs from the database: who may join a session, the state a joiner sees,
 * announcements, and who is on the other side of a video meeting.
 */
@Injectable()
export class LiveSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly presence: PresenceService,
    private readonly notifications: NotificationsService,
    private readonly afterCommit: AfterCommit,
    private readonly live: LiveEmitter,
  ) {}

  /** Reads of a session's row under way, shared by the joins that ask at the same moment. */
  private readonly sessionReads = new Map<string, Promise<MatchmakingSession | null>>();

  /**
   * Organisers may join any session; a member joins a session (not a draft) that one of their
   * companies takes part in. Anyone else is refused.
   */
  async access(who: SocketData, sessionId: string): Promise<SessionAccess> {
    // All at once: when a whole room arrives together, each join waits on the database once
    // rather than three times in turn (and joins of one session share the session's row).
    const [session, companies, meetings] = await Promise.all([
      this.sessionRow(sessionId),
      this.companiesInSession(who.userId, sessionId),
      this.meetingsOfUser(who.userId, sessionId),
    ]);
    const organiser = isOrganiserRole(who.role);
    if (!session || (session.status === 'draft' && !organiser)) {
      throw AppError.notFound('session', sessionId);
    }
    if (!organiser && companies.length === 0) {
      throw AppError.forbidden(
        'live.not_in_session',
        'None of your companies takes part in this session',
      );
    }
    const companyIds = companies.map((company) => company.id);
    return {
      session,
      user: { userId: who.userId, name: who.name, role: who.role, companies },
      meetings: meetings.filter(
        (meeting) => companyIds.includes(meeting.companyA) || companyIds.includes(meeting.companyB),
      ),
    };
  }

  /**
   * The session's row, read once for all the joins that ask for it at the same moment (the
   * first minute of a session: thousands of joins of one session), never kept after.
   */
  private sessionRow(sessionId: string): Promise<MatchmakingSession | null> {
    const pending = this.sessionReads.get(sessionId);
    if (pending) return pending;
    const read = this.dataSource
      .getRepository(MatchmakingSession)
      .findOneBy({ id: sessionId })
      .finally(() => this.sessionReads.delete(sessionId));
    this.sessionReads.set(sessionId, read);
    return read;
  }

  /** The user's companies that take part in the session, by name. */
  private companiesInSession(
    userId: string,
    sessionId: string,
  ): Promise<{ id: string; name: string; country: string }[]> {
    return this.dataSource.query<{ id: string; name: string; country: string }[]>(
      `SELECT c.id, c.name, c.country
         FROM company_members m
         JOIN session_participants p ON p.company_id = m.company_id AND p.session_id = $2
         JOIN companies c ON c.id = m.company_id
        WHERE m.user_id = $1
        ORDER BY c.name`,
      [userId, sessionId],
    );
  }

  /**
   * Everything the room shows the caller now. Its presence is the count, the caller's partners
   * and a first page, whatever the size of the room; or, for a client joining again with the
   * presence version it holds (`since`), what changed after it.
   */
  async state(
    { session, user, meetings: mine }: SessionAccess,
    since?: number,
  ): Promise<LiveSessionState> {
    const now = new Date();
    const slots = buildSlots(session);
    const { current, next } = slotAt(slots, now);
    const companyIds = user.companies.map((company) => company.id);
    // The firms on the other side of the caller's meetings: whose presence it is always shown.
    const partnerCompanyIds = [
      ...new Set(
        mine.map((meeting) =>
          companyIds.includes(meeting.companyA) ? meeting.companyB : meeting.companyA,
        ),
      ),
    ];
    const [presence, announcements, meetings] = await Promise.all([
      this.presenceFor(session.id, partnerCompanyIds, since),
      this.announcements(session.id),
      this.meetingsAround(mine, companyIds, slots, now),
    ]);
    return {
      session: {
        id: session.id,
        title: session.title,
        mode: session.mode,
        status: session.status,
        timezone: session.timezone,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
      },
      serverTime: now.toISOString(),
      presence,
      slot: {
        current: current
          ? { ...toLiveSlot(current), msLeft: current.endsAt.getTime() - now.getTime() }
          : null,
        next: next ? toLiveSlot(next) : null,
      },
      companyIds,
      meetings,
      announcements,
      iceServers: this.config.iceServers,
    };
  }

  /** The room's presence as a joiner sees it (see `state`). */
  private async presenceFor(
    sessionId: string,
    partnerCompanyIds: string[],
    since: number | undefined,
  ): Promise<LivePresence> {
    const partnerUsers = async (): Promise<PresenceUser[]> => {
      if (partnerCompanyIds.length === 0) return [];
      const members = await this.dataSource.query<{ user_id: string }[]>(
        `SELECT DISTINCT user_id FROM company_members WHERE company_id = ANY($1::uuid[])`,
        [partnerCompanyIds],
      );
      return this.presence.users(
        sessionId,
        members.map((row) => row.user_id),
      );
    };
    const [partners, changed] = await Promise.all([
      partnerUsers(),
      since === undefined
        ? null
        : this.presence.changesSince(sessionId, since, MAX_PRESENCE_CHANGES_SINCE),
    ]);
    if (changed) {
      const { count } = await this.presence.count(sessionId);
      return {
        count,
        version: changed.version,
        partnerCompanyIds,
        partners,
        page: null,
        changes: changed.changes,
      };
    }
    // The version is read first: a change between the two reads is in the page and comes again
    // as an event, which the client applies twice to the same effect.
    const { count, version } = await this.presence.count(sessionId);
    const page = await this.presence.page(sessionId, undefined, FIRST_PRESENCE_PAGE);
    return { count, version, partnerCompanyIds, partners, page, changes: null };
  }

  /**
   * For each of `companyIds`, the firms it meets in the session (meetings not cancelled): whose
   * presence its users are shown beside the count.
   */
  async partnersOf(sessionId: string, companyIds: string[]): Promise<Map<string, string[]>> {
    const partners = new Map<string, string[]>();
    if (companyIds.length === 0) return partners;
    const pairs = await this.dataSource.query<{ company_a: string; company_b: string }[]>(
      `SELECT DISTINCT company_a, company_b FROM meetings
        WHERE session_id = $1 AND status <> 'cancelled'
          AND (company_a = ANY($2::uuid[]) OR company_b = ANY($2::uuid[]))`,
      [sessionId, companyIds],
    );
    const add = (from: string, to: string): void => {
      if (!companyIds.includes(from)) return;
      const list = partners.get(from) ?? [];
      if (!list.includes(to)) list.push(to);
      partners.set(from, list);
    };
    for (const pair of pairs) {
      add(pair.company_a, pair.company_b);
      add(pair.company_b, pair.company_a);
    }
    return partners;
  }

  /** The caller's meeting in the running slot and the next one after it (cancelled ones aside). */
  /** The meetings of the user's companies in the session, cancelled ones aside, by slot. */
  private meetingsOfUser(userId: string, sessionId: string): Promise<Meeting[]> {
    const theirs = 'SELECT company_id FROM company_members WHERE user_id = :userId';
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where('meeting.session_id = :sessionId', { sessionId })
      .andWhere("meeting.status <> 'cancelled'")
      .andWhere(`(meeting.company_a IN (${theirs}) OR meeting.company_b IN (${theirs}))`, {
        userId,
      })
      .orderBy('meeting.slot_index', 'ASC')
      .getMany();
  }

  private async meetingsAround(
    meetings: Meeting[],
    companyIds: string[],
    slots: Slot[],
    now: Date,
  ): Promise<LiveSessionState['meetings']> {
    if (meetings.length === 0) return { current: null, next: null };
    const t = now.getTime();
    const running = meetings.find((meeting) => {
      const slot = slots[meeting.slotIndex];
      return slot && slot.startsAt.getTime() <= t && t < slot.endsAt.getTime();
    });
    const upcoming = meetings.find(
      (meeting) => (slots[meeting.slotIndex]?.startsAt.getTime() ?? 0) > t,
    );
    const chosen = [running, upcoming].filter((meeting): meeting is Meeting => !!meeting);
    if (chosen.length === 0) return { current: null, next: null };
    const others = await this.dataSource.getRepository(Company).findBy({
      id: In(
        chosen.map((meeting) =>
          companyIds.includes(meeting.companyA) ? meeting.companyB : meeting.companyA,
        ),
      ),
    });
    const byId = new Map(others.map((company) => [company.id, company]));
    const view = (meeting: Meeting | undefined): LiveMeeting | null => {
      if (!meeting) return null;
      const mine = companyIds.includes(meeting.companyA) ? meeting.companyA : meeting.companyB;
      const otherId = mine === meeting.companyA ? meeting.companyB : meeting.companyA;
      const other = byId.get(otherId);
      return {
        ...toMeetingView(meeting, slots),
        companyId: mine,
        other: {
          id: otherId,
          name: other?.name ?? '',
          country: other?.country ?? '',
          timezone: other?.timezone ?? 'UTC',
        },
      };
    };
    return { current: view(running), next: view(upcoming) };
  }

  /**
   * An organiser's broadcast, sent to the session's room once kept (the latest few, for people
   * who join later).
   */
  async announce(who: SocketData, sessionId: string, text: string): Promise<Announcement> {
    if (!isOrganiserRole(who.role)) {
      throw AppError.forbidden('live.organisers_only', 'Only organisers make announcements');
    }
    const announcement: Announcement = {
      sessionId,
      text,
      from: { userId: who.userId, name: who.name },
      at: new Date().toISOString(),
    };
    // The participants' users are told in a transaction that commits only once the announcement
    // is kept: neither is written without the other (but for Redis keeping it and the commit
    // failing after, which leaves it shown in the room and told to nobody).
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(MatchmakingSession, { id: sessionId });
      if (!session) throw AppError.notFound('session', sessionId);
      // Sent to the room first on commit, before each user's own notification of it: in a room
      // of thousands, those are thousands of events that the announcement need not wait for.
      this.afterCommit.run(manager, () =>
        this.live.clientSend(rooms.session(sessionId), 'announcement', announcement),
      );
      const users = await manager.query<{ user_id: string }[]>(
        `SELECT DISTINCT m.user_id FROM company_members m
           JOIN session_participants p ON p.company_id = m.company_id
          WHERE p.session_id = $1`,
        [sessionId],
      );
      await this.notifications.notify(manager, {
        kind: 'announcement',
        recipients: users.map((row) => row.user_id),
        params: { session: session.title, from: who.name, text },
        link: `/sessions/${sessionId}/live`,
      });
      const key = this.announcementsKey(sessionId);
      await this.redis
        .multi()
        .lpush(key, JSON.stringify(announcement))
        .ltrim(key, 0, KEPT_ANNOUNCEMENTS - 1)
        .expire(key, 30 * 24 * 3600)
        .exec();
    });
    return announcement;
  }

  private async announcements(sessionId: string): Promise<Announcement[]> {
    const kept = await this.redis.lrange(this.announcementsKey(sessionId), 0, -1);
    return kept.map((json) => JSON.parse(json) as Announcement);
  }

  private announcementsKey(sessionId: string): string {
    return `${this.config.redisPrefix}:live:announcements:${sessionId}`;
  }

  /**
   * The two sides of a video meeting that the caller is on, until the meeting ends: the company
   * the caller speaks for and the one the signal goes to. Anyone else is refused.
   */
  async signalRoute(who: SocketData, meetingId: string): Promise<{ from: string; to: string }> {
    const meeting = await this.dataSource.getRepository(Meeting).findOne({
      where: { id: meetingId },
      relations: { session: true },
    });
    if (!meeting) throw AppError.notFound('meeting', meetingId);
    const [side] = await this.dataSource.query<{ company_id: string }[]>(
      `SELECT company_id FROM company_members WHERE user_id = $1 AND company_id = ANY($2::uuid[])
        ORDER BY company_id LIMIT 1`,
      [who.userId, [meeting.companyA, meeting.companyB]],
    );
    if (!side) {
      throw AppError.forbidden(
        'live.not_your_meeting',
        'Only the two firms of a meeting signal its call',
      );
    }
    const slot = buildSlots(meeting.session)[meeting.slotIndex];
    if (meeting.session.mode !== 'video' || meeting.roomId === null) {
      throw AppError.conflict('meeting.not_video', 'This meeting is not held by video');
    }
    if (meeting.status === 'cancelled' || !slot || slot.endsAt.getTime() <= Date.now()) {
      throw AppError.conflict('meeting.over', 'This meeting was cancelled or is over');
    }
    const from = side.company_id;
    return { from, to: from === meeting.companyA ? meeting.companyB : meeting.companyA };
  }
}
