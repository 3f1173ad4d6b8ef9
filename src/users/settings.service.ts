import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import {
  DEFAULT_REMINDERS,
  defaultDelivery,
  isAccountKind,
  NOTIFICATION_KINDS,
  type Delivery,
  type Language,
  type NotificationKind,
  type WireUserSettings,
} from '../notifications/notification.wire';
import type { UpdateSettingsDto } from './dto/settings.dto';
import { UserSettings } from './user-settings.entity';

/** What a user without a settings row has. */
export const DEFAULT_SETTINGS = {
  language: 'en' as Language,
  timezone: 'UTC',
  reminders: [...DEFAULT_REMINDERS],
};

/** A kind's delivery for a user, from what they stored: account emails are always email. */
export function deliveryOf(
  stored: Partial<Record<NotificationKind, Delivery>> | null | undefined,
  kind: NotificationKind,
): Delivery {
  if (isAccountKind(kind)) return 'email';
  return stored?.[kind] ?? defaultDelivery(kind);
}

export function toSettingsView(row: UserSettings | null): WireUserSettings {
  const notifications = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, deliveryOf(row?.notifications, kind)]),
  ) as Record<NotificationKind, Delivery>;
  return {
    language: row?.language ?? DEFAULT_SETTINGS.language,
    timezone: row?.timezone ?? DEFAULT_SETTINGS.timezone,
    reminders: row?.reminders ?? [...DEFAULT_SETTINGS.reminders],
    notifications,
  };
}

/** What planned reminders depend on: their times, their delivery, the words' language and zone. */
function remindersPlannedFrom(row: UserSettings): string {
  return JSON.stringify([
    row.language,
    row.timezone,
    row.reminders,
    deliveryOf(row.notifications, 'meeting.reminder'),
  ]);
}

/** Work to do in the transaction of a change to a user's reminder times, language or zone. */
export type RemindersListener = (manager: EntityManager, userId: string) => Promise<unknown>;

/** A user's language, time zone, reminder times and deliveries per kind. */
@Injectable()
export class SettingsService {
  private readonly remindersListeners: RemindersListener[] = [];

  constructor(
    @InjectRepository(UserSettings) private readonly settings: Repository<UserSettings>,
  ) {}

  /**
   * Reminders already planned follow a change of the settings they were planned from (see
   * MeetingReminders): a listener, so that settings need not know meetings (which need settings).
   */
  onRemindersChanged(listener: RemindersListener): void {
    this.remindersListeners.push(listener);
  }

  async get(userId: string): Promise<WireUserSettings> {
    return toSettingsView(await this.settings.findOneBy({ userId }));
  }

  /** Changes what is given; deliveries are merged kind by kind; reminders kept largest first. */
  async update(userId: string, input: UpdateSettingsDto): Promise<WireUserSettings> {
    return this.settings.manager.transaction(async (manager) => {
      const row = await this.lockedRow(manager, userId);
      const planned = remindersPlannedFrom(row);
      if (input.language !== undefined) row.language = input.language;
      if (input.timezone !== undefined) row.timezone = input.timezone;
      if (input.reminders !== undefined) row.reminders = [...input.reminders].sort((a, b) => b - a);
      if (input.notifications !== undefined) {
        row.notifications = { ...row.notifications, ...input.notifications };
      }
      const saved = await manager.save(row);
      if (remindersPlannedFrom(saved) !== planned) {
        for (const listener of this.remindersListeners) await listener(manager, userId);
      }
      return toSettingsView(saved);
    });
  }

  /** One kind's email off (it stays in the app), as an unsubscribe link does. */
  async turnEmailOff(userId: string, kind: NotificationKind): Promise<Delivery> {
    return this.settings.manager.transaction(async (manager) => {
      const row = await this.lockedRow(manager, userId);
      if (deliveryOf(row.notifications, kind) === 'email') {
        row.notifications = { ...row.notifications, [kind]: 'in-app' };
        await manager.save(row);
        if (kind === 'meeting.reminder') {
          for (const listener of this.remindersListeners) await listener(manager, userId);
        }
      }
      return deliveryOf(row.notifications, kind);
    });
  }

  /** The settings a new account starts with (the browser's language and zone at sign-up). */
  async initialise(
    userId: string,
    preferences: { language?: Language; timezone?: string },
    manager?: EntityManager,
  ): Promise<void> {
    if (preferences.language === undefined && preferences.timezone === undefined) return;
    const settings = manager ? manager.getRepository(UserSettings) : this.settings;
    await settings.insert({
      userId,
      language: preferences.language ?? DEFAULT_SETTINGS.language,
      timezone: preferences.timezone ?? DEFAULT_SETTINGS.timezone,
    });
  }

  private async lockedRow(manager: EntityManager, userId: string): Promise<UserSettings> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserSettings)
      .values({ userId })
      .orIgnore()
      .execute();
    return manager.findOneOrFail(UserSettings, {
      where: { userId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
