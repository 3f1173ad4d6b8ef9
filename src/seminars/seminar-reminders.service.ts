import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService, type Notifier } from '../notifications/notifications.service';
import type { SeminarRegistration } from './seminar-registration.entity';
import type { Seminar } from './seminar.entity';

/** How long before a seminar its seat holders are reminded: one day. */
export const SEMINAR_REMINDER_MINUTES = 1440;

/** The outbox key of a seat's reminder (notify appends `:<user id>`). */
export function seminarReminderKey(registrationId: string): string {
  return `seminar-reminder.${registrationId}`;
}

/**
 * A reminder a day before a seminar to each person holding a seat, planned as meeting reminders
 * are (src/meetings/meeting-reminders.service.ts): a notice due later, an outbox row and an in-app
 * notification with `not_before` at its time, sent by the worker by the reader's settings for
 * `seminar.reminder` (email, in the app, or off). A plan follows every change it depends on, in
 * that change's transaction: a seat taken or given by promotion plans one; a withdrawal withdraws
 * it; a new time or title plans the seminar's again. A reminder whose time has passed is not
 * planned (a seat taken hours before the start needs none).
 */
@Injectable()
export class SeminarReminders {
  constructor(@Inject(NotificationsService) private readonly notifications: Notifier) {}

  async plan(
    manager: EntityManager,
    seminar: Seminar,
    registration: SeminarRegistration,
    now: Date = new Date(),
  ): Promise<boolean> {
    const due = new Date(seminar.startsAt.getTime() - SEMINAR_REMINDER_MINUTES * 60_000);
    if (registration.status !== 'registered' || due <= now) return false;
    await this.notifications.notify(manager, {
      kind: 'seminar.reminder',
      recipients: [registration.userId],
      params: {
        registrationId: registration.id,
        seminar: seminar.title,
        kind: seminar.kind,
        startsAt: { at: seminar.startsAt.toISOString() },
        place: seminar.venue ? 'venue' : 'video',
        venue: seminar.venue ?? '',
        hasVideo: seminar.videoUrl ? 'yes' : 'no',
      },
      link: `/seminars/${seminar.id}`,
      notBefore: due,
      key: seminarReminderKey(registration.id),
    });
    return true;
  }

  /** Withdraws the unsent reminders of these registrations. */
  async withdraw(manager: EntityManager, registrationIds: readonly string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query(
      `UPDATE notification_outbox
          SET status = 'withdrawn', key = key || '#withdrawn.' || id
        WHERE status = 'pending' AND kind = 'seminar.reminder'
          AND split_part(split_part(key, '.', 2), ':', 1) IN (SELECT unnest($1::text[]))`,
      [registrationIds],
    );
    await manager.query(
      `DELETE FROM notifications
        WHERE kind = 'seminar.reminder' AND created_at > now()
          AND params->>'registrationId' IN (SELECT unnest($1::text[]))`,
      [registrationIds],
    );
  }

  /** The seminar's time or title changed: every seat's reminder withdrawn and planned again. */
  async replanSeminar(manager: EntityManager, seminar: Seminar): Promise<void> {
    const registrations = await manager.query<SeminarRegistration[]>(
      `SELECT id, user_id AS "userId", status FROM seminar_registrations WHERE seminar_id = $1`,
      [seminar.id],
    );
    await this.withdraw(
      manager,
      registrations.map((registration) => registration.id),
    );
    for (const registration of registrations) await this.plan(manager, seminar, registration);
  }
}
