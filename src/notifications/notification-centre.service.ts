import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cutPage, decodeCursor, encodeCursor, type PageStart } from '../common/keyset';
import { listTotal, runSql } from '../common/list-total';
import { SettingsService } from '../users/settings.service';
import type { ListNotificationsQuery, MarkReadDto } from './dto/notifications.dto';
import { Notification } from './notification.entity';
import type { WireNotification, WireNotificationPage, WireUserSettings } from './notification.wire';
import {
  notificationsFromWhere,
  notificationsPageSql,
  type NotificationFilter,
  type NotificationKey,
} from './notification-list-sql';
import { isTemplated, renderNotice } from './render/render-notice';

const NOTIFICATIONS_CURSOR = 'notifications';

/** Renders a stored notification for a reader: in their language and time zone of now. */
export function toNotificationView(
  row: Notification,
  reader: Pick<WireUserSettings, 'language' | 'timezone'>,
): WireNotification {
  const words = isTemplated(row.kind)
    ? renderNotice(row.kind, row.params, reader)
    : { title: row.kind, body: '' };
  return {
    id: row.id,
    kind: row.kind,
    title: words.title,
    body: words.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A user's notification centre: the list (rendered at read time) and marking read. */
@Injectable()
export class NotificationCentre {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /**
   * A page of the user's notifications, by `page` or by `after` (the list scrolls); the total is
   * exact up to 1,000 and an estimate past that.
   */
  async list(userId: string, query: ListNotificationsQuery): Promise<WireNotificationPage> {
    const filter: NotificationFilter = { userId, unread: query.unread };
    const start: PageStart<NotificationKey> = query.after
      ? { after: decodeCursor(query.after, NOTIFICATIONS_CURSOR, ['instant', 'uuid']) }
      : { offset: (query.page - 1) * query.pageSize };
    const page = notificationsPageSql(filter, start, query.pageSize + 1);
    const counted = notificationsFromWhere(filter);
    const run = runSql(this.dataSource);
    const [fetched, total, unread, reader] = await Promise.all([
      run<Notification & { createdAtKey: string }>(page.sql, page.params),
      listTotal(run, counted.sql, counted.params),
      this.unreadCount(userId),
      this.settings.get(userId),
    ]);
    const { rows, nextCursor } = cutPage(fetched, query.pageSize, (row) =>
      encodeCursor(NOTIFICATIONS_CURSOR, [row.createdAtKey, row.id]),
    );
    return {
      items: rows.map((row) => toNotificationView(row, reader)),
      ...total,
      nextCursor,
      unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Marks the caller's own notifications read (others' ids are ignored); the unread left. */
  async markRead(userId: string, input: MarkReadDto): Promise<{ unread: number }> {
    const update = this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL AND created_at <= now()', { userId });
    if (!input.all) update.andWhere('id = ANY(:ids::uuid[])', { ids: input.ids ?? [] });
    await update.execute();
    return { unread: await this.unreadCount(userId) };
  }

  private unreadCount(userId: string): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.userId = :userId AND n.readAt IS NULL AND n.createdAt <= now()', { userId })
      .getCount();
  }
}
