import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DEFAULT_REMINDERS } from '../notifications/notification.wire';
import { NotificationsService, type Notifier } from '../notifications/notifications.service';
import { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots } from '../sessions/slots';
import { SettingsService } from '../users/settings.service';
import type { AgendaMeeting } from './agenda-changes';
import { meetingsCalendar } from './meeting-calendar';
import {
  calendarMeeting,
  loadAudience,
  partnerOf,
  placeOf,
  startMoment,
  type Audience,
} from './meeting-audience';

/** The outbox key of one reminder of a meeting (notify appends `:<user id>`). */
export function reminderKey(meetingId: string, minutes: number): string {
  return `meeting-reminder.${meetingId}.${minutes}`;
}

/** `1440` → 1 day, `90` → 90 minutes, `120` → 2 hours: the words a reminder's lead is told in. */
export function reminderLead(minutes: number): {
  unit: 'days' | 'hours' | 'minutes';
  amount: number;
} {
  if (minutes % 1440 === 0) return { unit: 'days', amount: minutes / 1440 };
  if (minutes % 60 === 0) return { unit: 'hours', amount: minutes / 60 };
  return { unit: 'minutes', amount: minutes };
}

/**
 * Reminders before meetings, planned when the meeting is placed. Each reminder is a notice due
 * later: an outbox row (and an in-app notification) with `not_before` at its time, whose delivery
 * job is queued with that delay; the outbox's lease makes it sent once however many workers run,
 * and its key (`meeting-reminder.<meeting>.<minutes>:<user>`, unique) makes planning twice write
 * it once. It is rendered when planned, in the reader's language and zone of then.
 *
 * Planned, not computed at sending time, because a delayed row is what survives a worker killed
 * or Redis flushed (the sweeper sends due rows) and what the benchmark's "2,000 due in one minute"
 * measures; the price is that a plan must follow every change it depends on, each in the
 * transaction of that change:
 * - a meeting cancelled: its pending reminders are withdrawn (MeetingNotices.meetingCancelled);
 * - a schedule published again: the meetings it replaced lose theirs, the new ones get theirs
 *   (a run replaces every movable meeting, so a moved meeting is a new one at its new time);
 * - a session closed: its meetings' reminders are withdrawn (SessionsService.update);
 * - a user's reminder times, language or zone changed: that user's future reminders are withdrawn
 *   and planned again from the new settings (SettingsService calls `replanUser`).
 * A reminder whose time has passed when it is planned is not planned at all.
 */
@Injectable()
export class MeetingReminders implements OnModuleInit {
  constructor(
    // A bare NoticeWriter in the demo seed, which has no queues.
    @Inject(NotificationsService) private readonly notifications: Notifier,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'appUrl'>,
    // Only in the API: the worker changes no settings.
    @Optional() private readonly settings?: SettingsService,
  ) {}

  onModuleInit(): void {
    this.settings?.onRemindersChanged((manager, userId) => this.replanUser(manager, userId));
  }

  /**
   * Plans the reminders of `meetings` (all of one session) for the users of both firms, or only
   * `onlyUser`'s. Returns how many notices (one per meeting, side and lead) were written.
   */
  async plan(
    manager: EntityManager,
    session: MatchmakingSession,
    meetings: readonly AgendaMeeting[],
    audience: Audience,
    onlyUser?: string,
    now: Date = new Date(),
  ): Promise<number> {
    if (meetings.length === 0) return 0;
    const slots = buildSlots(session);
    const users = [...new Set([...audience.users.values()].flat())].filter(
      (user) => !onlyUser || user === onlyUser,
    );
    const leads = await this.leadsOf(manager, users);
    let planned = 0;
    for (const meeting of meetings) {
      const slot = slots[meeting.slotIndex];
      if (!slot) continue;
      for (const companyId of [meeting.companyA, meeting.companyB]) {
        const firm = audience.firms.get(companyId);
        const partner = audience.firms.get(partnerOf(meeting, companyId));
        const byLead = new Map<number, string[]>();
        for (const user of audience.users.get(companyId) ?? []) {
          for (const minutes of leads.get(user) ?? []) {
            if (slot.startsAt.getTime() - minutes * 60_000 <= now.getTime()) continue;
            byLead.set(minutes, [...(byLead.get(minutes) ?? []), user]);
          }
        }
        if (byLead.size === 0) continue;
        const ics = meetingsCalendar(
          session,
          companyId,
          [calendarMeeting(meeting, slot, partner)],
          this.config.appUrl,
        );
        for (const [minutes, recipients] of byLead) {
          await this.notifications.notify(manager, {
            kind: 'meeting.reminder',
            recipients,
            params: {
              meetingId: meeting.id,
              session: session.title,
              company: firm?.name ?? '',
              partner: partner?.name ?? '',
              country: partner?.country ?? '',
              startsAt: startMoment(slot, partner),
              minutes,
              ...reminderLead(minutes),
              ...placeOf(meeting),
            },
            link: `/sessions/${session.id}`,
            ics: { filename: `meeting-${meeting.id}.ics`, content: ics.body },
            notBefore: new Date(slot.startsAt.getTime() - minutes * 60_000),
            key: reminderKey(meeting.id, minutes),
          });
          planned += 1;
        }
      }
    }
    return planned;
  }

  /**
   * Withdraws the reminders not yet sent of these meetings (or of one user's future meetings):
   * their emails are marked withdrawn (their key freed, so that a plan again may write it) and
   * their in-app notifications, not shown yet, are deleted.
   */
  async withdraw(manager: EntityManager, meetingIds: readonly string[]): Promise<void> {
    if (meetingIds.length === 0) return;
    await manager.query(
      `UPDATE notification_outbox
          SET status = 'withdrawn', key = key || '#withdrawn.' || id
        WHERE status = 'pending' AND kind = 'meeting.reminder'
          AND split_part(key, '.', 2) IN (SELECT unnest($1::text[]))`,
      [meetingIds],
    );
    await manager.query(
      `DELETE FROM notifications
        WHERE kind = 'meeting.reminder' AND created_at > now()
          AND params->>'meetingId' IN (SELECT unnest($1::text[]))`,
      [meetingIds],
    );
  }

  /** A session closed before its meetings: none of their reminders is sent. */
  async withdrawSession(manager: EntityManager, sessionId: string): Promise<void> {
    const meetings = await manager.query<{ id: string }[]>(
      'SELECT id FROM meetings WHERE session_id = $1',
      [sessionId],
    );
    await this.withdraw(
      manager,
      meetings.map((meeting) => meeting.id),
    );
  }

  /** A user's reminder settings changed: their future reminders, withdrawn and planned again. */
  async replanUser(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(
      `UPDATE notification_outbox
          SET status = 'withdrawn', key = key || '#withdrawn.' || id
        WHERE user_id = $1 AND status = 'pending' AND kind = 'meeting.reminder'
          AND not_before > now()`,
      [userId],
    );
    await manager.query(
      `DELETE FROM notifications WHERE user_id = $1 AND kind = 'meeting.reminder' AND created_at > now()`,
      [userId],
    );
    const meetings = await manager.query<(AgendaMeeting & { sessionId: string })[]>(
      `SELECT DISTINCT m.id, m.session_id AS "sessionId", m.slot_index AS "slotIndex",
              m.company_a AS "companyA", m.company_b AS "companyB",
              m.table_number AS "table", m.room_id AS "roomId"
         FROM meetings m
         JOIN company_members cm ON cm.company_id IN (m.company_a, m.company_b)
         JOIN sessions s ON s.id = m.session_id
        WHERE cm.user_id = $1 AND m.status = 'scheduled' AND s.ends_at > now()`,
      [userId],
    );
    if (meetings.length === 0) return 0;
    const sessions = await manager.findBy(MatchmakingSession, {
      id: In([...new Set(meetings.map((meeting) => meeting.sessionId))]),
    });
    const audience = await loadAudience(
      manager,
      meetings.flatMap((meeting) => [meeting.companyA, meeting.companyB]),
    );
    let planned = 0;
    for (const session of sessions) {
      const mine = meetings.filter((meeting) => meeting.sessionId === session.id);
      planned += await this.plan(manager, session, mine, audience, userId);
    }
    return planned;
  }

  /** Each user's reminder times: their settings', or the defaults. */
  private async leadsOf(
    manager: EntityManager,
    users: readonly string[],
  ): Promise<Map<string, number[]>> {
    const rows = await manager.query<{ user_id: string; reminders: number[] }[]>(
      'SELECT user_id, reminders FROM user_settings WHERE user_id = ANY($1::uuid[])',
      [users],
    );
    const chosen = new Map(rows.map((row) => [row.user_id, row.reminders]));
    return new Map(users.map((user) => [user, chosen.get(user) ?? [...DEFAULT_REMINDERS]]));
  }
}
