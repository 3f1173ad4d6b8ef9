import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsService, type Notifier } from '../notifications/notifications.service';
import type { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots, type Slot } from '../sessions/slots';
import { agendaChanges, type AgendaChange, type AgendaMeeting } from './agenda-changes';
import { meetingsCalendar } from './meeting-calendar';
import {
  calendarMeeting,
  loadAgendaMeetings,
  loadAudience,
  partnerOf,
  placeOf,
  startMoment,
  type Audience,
} from './meeting-audience';
import { MeetingReminders } from './meeting-reminders.service';

/**
 * What firms are told about their meetings, in the transaction of the change: a published
 * schedule (each firm's agenda with its `.ics`; a republish only to firms whose agenda changed,
 * saying what changed), a meeting placed by hand or cancelled (both sides), and the reminders
 * that follow each.
 */
@Injectable()
export class MeetingNotices {
  constructor(
    // A bare NoticeWriter in the demo seed, which has no queues.
    @Inject(NotificationsService) private readonly notifications: Notifier,
    private readonly reminders: MeetingReminders,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'appUrl'>,
  ) {}

  /** The session's agenda before a publish, to compare the published one with. */
  agendaBefore(manager: EntityManager, sessionId: string): Promise<AgendaMeeting[]> {
    return loadAgendaMeetings(manager, sessionId);
  }

  /**
   * After a publish, in its transaction: the first publish tells every participant (`companies`)
   * their agenda, even an empty one; a republish tells only the firms whose agenda changed. The
   * meetings the run replaced lose their reminders, the new ones get theirs.
   */
  async schedulePublished(
    manager: EntityManager,
    session: MatchmakingSession,
    first: boolean,
    before: readonly AgendaMeeting[],
    companies: readonly string[],
  ): Promise<void> {
    const after = await loadAgendaMeetings(manager, session.id);
    const changes = agendaChanges(before, after);
    const told = first ? [...new Set([...companies, ...changes.keys()])] : [...changes.keys()];
    const audience = await loadAudience(manager, [
      ...told,
      ...after.flatMap((meeting) => [meeting.companyA, meeting.companyB]),
      ...before.flatMap((meeting) => [meeting.companyA, meeting.companyB]),
    ]);
    const slots = buildSlots(session);
    for (const companyId of told) {
      await this.tellAgenda(manager, session, slots, audience, {
        companyId,
        first,
        agenda: after.filter((meeting) => [meeting.companyA, meeting.companyB].includes(companyId)),
        changes: changes.get(companyId) ?? [],
      });
    }
    const kept = new Set(after.map((meeting) => meeting.id));
    const existed = new Set(before.map((meeting) => meeting.id));
    await this.reminders.withdraw(
      manager,
      before.filter((meeting) => !kept.has(meeting.id)).map((meeting) => meeting.id),
    );
    await this.reminders.plan(
      manager,
      session,
      after.filter((meeting) => !existed.has(meeting.id)),
      audience,
    );
  }

  private async tellAgenda(
    manager: EntityManager,
    session: MatchmakingSession,
    slots: Slot[],
    audience: Audience,
    about: {
      companyId: string;
      first: boolean;
      agenda: AgendaMeeting[];
      changes: AgendaChange[];
    },
  ): Promise<void> {
    const { companyId, agenda, changes } = about;
    const recipients = audience.users.get(companyId) ?? [];
    if (recipients.length === 0) return;
    const firm = audience.firms.get(companyId);
    const partner = (meeting: AgendaMeeting) => audience.firms.get(partnerOf(meeting, companyId));
    const placed = agenda.filter((meeting) => slots[meeting.slotIndex]);
    const calendar = meetingsCalendar(
      session,
      companyId,
      placed.map((meeting) => calendarMeeting(meeting, slots[meeting.slotIndex], partner(meeting))),
      this.config.appUrl,
    );
    await this.notifications.notify(manager, {
      kind: 'schedule.published',
      recipients,
      params: {
        session: session.title,
        company: firm?.name ?? '',
        count: placed.length,
        republished: about.first ? 'no' : 'yes',
        agenda: {
          line: 'schedule.published.meeting',
          items: placed.map((meeting) => ({
            startsAt: startMoment(slots[meeting.slotIndex], partner(meeting)),
            partner: partner(meeting)?.name ?? '',
            country: partner(meeting)?.country ?? '',
            ...placeOf(meeting),
          })),
        },
        changes: {
          line: 'schedule.published.change',
          items: changes.flatMap((change) => {
            const other = audience.firms.get(change.partnerId);
            const now = change.after && slots[change.after.slotIndex];
            const was = change.before && slots[change.before.slotIndex];
            const at = now ?? was;
            if (!at) return [];
            return [
              {
                change: change.change,
                partner: other?.name ?? '',
                country: other?.country ?? '',
                startsAt: startMoment(at, other),
                from: startMoment(was ?? at, other),
              },
            ];
          }),
        },
      },
      link: `/sessions/${session.id}`,
      ics: calendar.body ? { filename: calendar.filename, content: calendar.body } : undefined,
    });
  }

  /**
   * Meetings an organiser placed by hand (booked, moved or swapped), in the transaction of the
   * change, told as a published change is: both firms of each meeting are told what changed
   * (`meeting.changed`, `added` or `moved` with where it was), and its reminders are planned
   * again for its new time (a moved meeting keeps its id, so its old ones are withdrawn first).
   */
  async meetingsPlaced(
    manager: EntityManager,
    session: MatchmakingSession,
    placed: readonly { before: AgendaMeeting | null; after: AgendaMeeting }[],
  ): Promise<void> {
    if (placed.length === 0) return;
    const slots = buildSlots(session);
    const audience = await loadAudience(
      manager,
      placed.flatMap(({ after }) => [after.companyA, after.companyB]),
    );
    await this.reminders.withdraw(
      manager,
      placed.flatMap(({ before }) => (before ? [before.id] : [])),
    );
    await this.reminders.plan(
      manager,
      session,
      placed.map(({ after }) => after),
      audience,
    );
    for (const { before, after } of placed) {
      const slot = slots[after.slotIndex];
      const was = before ? slots[before.slotIndex] : undefined;
      if (!slot) continue;
      for (const companyId of [after.companyA, after.companyB]) {
        const partner = audience.firms.get(partnerOf(after, companyId));
        await this.notifications.notify(manager, {
          kind: 'meeting.changed',
          recipients: audience.users.get(companyId) ?? [],
          params: {
            meetingId: after.id,
            change: before ? 'moved' : 'added',
            session: session.title,
            company: audience.firms.get(companyId)?.name ?? '',
            partner: partner?.name ?? '',
            country: partner?.country ?? '',
            startsAt: startMoment(slot, partner),
            from: startMoment(was ?? slot, partner),
            cancelledBy: 'organisers',
            ...placeOf(after),
          },
          link: `/sessions/${session.id}`,
        });
      }
    }
  }

  /**
   * A meeting cancelled, in the transaction that cancels it: both firms' users are told, and its
   * reminders not yet sent are withdrawn. `by` is the firm that cancelled it, or null for an
   * organiser.
   */
  async meetingCancelled(
    manager: EntityManager,
    session: MatchmakingSession,
    meeting: AgendaMeeting,
    by: string | null,
  ): Promise<void> {
    await this.reminders.withdraw(manager, [meeting.id]);
    const slot = buildSlots(session)[meeting.slotIndex];
    const audience = await loadAudience(manager, [meeting.companyA, meeting.companyB]);
    for (const companyId of [meeting.companyA, meeting.companyB]) {
      const partner = audience.firms.get(partnerOf(meeting, companyId));
      await this.notifications.notify(manager, {
        kind: 'meeting.changed',
        recipients: audience.users.get(companyId) ?? [],
        params: {
          meetingId: meeting.id,
          change: 'cancelled',
          session: session.title,
          company: audience.firms.get(companyId)?.name ?? '',
          partner: partner?.name ?? '',
          country: partner?.country ?? '',
          startsAt: slot ? startMoment(slot, partner) : session.startsAt.toISOString(),
          cancelledBy: by === null ? 'organisers' : by === companyId ? 'us' : 'partner',
        },
        link: `/sessions/${session.id}`,
      });
    }
  }
}
