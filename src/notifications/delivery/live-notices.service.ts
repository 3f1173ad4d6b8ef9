import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LiveEmitter } from '../../live/live-emitter';
import { rooms } from '../../live/live.events';
import { toSettingsView } from '../../users/settings.service';
import { UserSettings } from '../../users/user-settings.entity';
import { toNotificationView } from '../notification-centre.service';
import { Notification } from '../notification.entity';

/**
 * Announces notifications written for later (reminders) once they are due: each one still there
 * (a withdrawn reminder was deleted) and due by now goes to its user's sockets, in the language
 * and time zone the reader has now, as the list would show it.
 */
@Injectable()
export class LiveNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
  ) {}

  /** How many were announced. */
  async announce(notificationIds: readonly string[]): Promise<number> {
    if (notificationIds.length === 0) return 0;
    const rows = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.id = ANY(:ids::uuid[])', { ids: notificationIds })
      // One moved later since is announced by the job of the call that moved it.
      .andWhere('n.createdAt <= now()')
      .getMany();
    if (rows.length === 0) return 0;
    const settings = await this.dataSource
      .getRepository(UserSettings)
      .findBy({ userId: In([...new Set(rows.map((row) => row.userId))]) });
    const byUser = new Map(settings.map((row) => [row.userId, row]));
    for (const row of rows) {
      const reader = toSettingsView(byUser.get(row.userId) ?? null);
      this.live.clientSend(rooms.user(row.userId), 'notification', {
        notification: toNotificationView(row, reader),
      });
    }
    return rows.length;
  }
}
