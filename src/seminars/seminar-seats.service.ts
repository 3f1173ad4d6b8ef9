import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { SeminarReminders } from './seminar-reminders.service';
import { SeminarRegistration } from './seminar-registration.entity';
import type { Seminar } from './seminar.entity';

/**
 * Fills free seats from the waitlist, longest-waiting first (as delegations do), telling each
 * person promoted (`seminar.registration`) and planning their reminder. Called with the seminar's
 * row lock held: after a withdrawal, and after a capacity raised.
 */
@Injectable()
export class SeminarSeats {
  constructor(
    private readonly reminders: SeminarReminders,
    private readonly notifications: NotificationsService,
  ) {}

  async fill(manager: EntityManager, seminar: Seminar): Promise<number> {
    const registered = await manager.countBy(SeminarRegistration, {
      seminarId: seminar.id,
      status: 'registered',
    });
    const free = seminar.capacity - registered;
    if (free <= 0) return 0;
    const next = await manager.find(SeminarRegistration, {
      where: { seminarId: seminar.id, status: 'waitlisted' },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      relations: { company: true },
      take: free,
    });
    for (const registration of next) {
      registration.status = 'registered';
      registration.waitlistedAt = null;
      await manager.save(registration);
      await this.reminders.plan(manager, seminar, registration);
      await this.notifications.notify(manager, {
        kind: 'seminar.registration',
        recipients: [registration.userId],
        params: {
          seminar: seminar.title,
          company: registration.company.name,
          startsAt: { at: seminar.startsAt.toISOString() },
        },
        link: `/seminars/${seminar.id}`,
      });
    }
    return next.length;
  }
}
