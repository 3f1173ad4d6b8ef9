import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SettingsService } from '../users/settings.service';
import type { ListNotificationsQuery, MarkReadDto } from './dto/notifications.dto';
import { Notification } from './notification.entity';
import type { WireNotification, WireNotificationPage, WireUserSettings } from './notification.wire';
import { isTemplated, renderNotice } from './render/render-notice';

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

  async list(userId: string, query: ListNotificationsQuery): Promise<WireNotificationPage> {
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.userId = :userId', { userId })
      .andWhere('n.createdAt <= now()');
    if (query.unread === 'true') builder.andWhere('n.readAt IS NULL');
    if (query.unread === 'false') builder.andWhere('n.readAt IS NOT NULL');
    const [[rows, total], unread, reader] = await Promise.all([
      builder
        .orderBy('n.createdAt', 'DESC')
        .addOrderBy('n.id', 'DESC')
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getManyAndCount(),
      this.unreadCount(userId),
      this.settings.get(userId),
    ]);
    return {
      items: rows.map((row) => toNotificationView(row, reader)),
      total,
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
