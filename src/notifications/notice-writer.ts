import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { deliveryOf, DEFAULT_SETTINGS } from '../users/settings.service';
import { Notification } from './notification.entity';
import {
  isAccountKind,
  type Delivery,
  type Language,
  type NotificationKind,
  type WireNotification,
} from './notification.wire';
import { OutboxMessage } from './outbox-message.entity';
import type { NoticeParams } from './render/notice-params';
import { renderEmail } from './render/render-email';
import { renderNotice, type TemplatedKind } from './render/render-notice';
import { signUnsubscribeKey } from './unsubscribe-key';

/** What happened, for whom: the one thing a change hands to `notify`. */
export interface Notice {
  /** A kind with words in `words/en.ts` and `words/zh-Hant.ts`. */
  kind: TemplatedKind;
  /** User ids; disabled users and repeats are left out. */
  recipients: readonly string[];
  /** The values of the kind's messages; a `Moment` is written in each reader's time zone. */
  params: NoticeParams;
  /** A path in the web app (`/sessions/<id>`), made absolute with APP_URL in emails. */
  link: string;
  /** A calendar to attach to the email. */
  ics?: { filename: string; content: string };
  /** Send the email (and show the in-app notification) no earlier than this: reminders. */
  notBefore?: Date;
  /**
   * Makes the email idempotent and withdrawable: one outbox row per key and recipient
   * (`<key>:<userId>`); notifying the same key again writes nothing more.
   */
  key?: string;
}

export interface NotifyResult {
  notificationIds: string[];
  outboxIds: string[];
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language | null;
  timezone: string | null;
  notifications: Partial<Record<NotificationKind, Delivery>> | null;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the outbox's 13 columns. */
const CHUNK = 1000;

/** What writes notices in a transaction: NotificationsService, or a NoticeWriter on its own. */
export interface Notifier {
  notify(manager: EntityManager, notice: Notice): Promise<NotifyResult>;
}

/** What `write` wrote, with what to announce live once it commits. */
export interface WrittenNotice extends NotifyResult {
  /** When the notifications show (and the emails go): now, or the notice's `notBefore`. */
  shownAt: Date;
  /** Each in-app notification as its reader sees it now, and whose it is. */
  shown: { userId: string; notification: WireNotification }[];
}

/**
 * The writing half of `notify`, with no queue, socket or Nest in it: per recipient and their
 * settings, the in-app notification (unless `off`; account emails have none) and, when they chose
 * email, an outbox row with the email rendered in their language and time zone, both in the
 * caller's transaction. NotificationsService adds the delivery after the commit; code with no
 * queues (the demo seed) uses it alone, and the worker's outbox sweeper sends its emails.
 */
export class NoticeWriter implements Notifier {
  constructor(private readonly config: Pick<AppConfig, 'appUrl' | 'jwtSecret'>) {}

  async write(manager: EntityManager, notice: Notice): Promise<WrittenNotice> {
    if (!notice.link.startsWith('/'))
      throw new Error(`notify: link must be a path: ${notice.link}`);
    const ids = [...new Set(notice.recipients)];
    const shownAt = notice.notBefore ?? new Date();
    if (ids.length === 0) return { notificationIds: [], outboxIds: [], shownAt, shown: [] };
    const recipients = await manager.query<Recipient[]>(
      `SELECT u.id, u.email, u.name, s.language, s.timezone, s.notifications
         FROM users u LEFT JOIN user_settings s ON s.user_id = u.id
        WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL`,
      [ids],
    );
    const inApp: Partial<Notification>[] = [];
    const inAppWords: { userId: string; title: string; body: string }[] = [];
    const emails: Partial<OutboxMessage>[] = [];
    for (const recipient of recipients) {
      const delivery = deliveryOf(recipient.notifications, notice.kind);
      if (delivery === 'off') continue;
      const reader = {
        language: recipient.language ?? DEFAULT_SETTINGS.language,
        timezone: recipient.timezone ?? DEFAULT_SETTINGS.timezone,
      };
      const words = renderNotice(notice.kind, notice.params, reader);
      if (!isAccountKind(notice.kind)) {
        inApp.push({
          userId: recipient.id,
          kind: notice.kind,
          params: notice.params,
          link: notice.link,
          createdAt: shownAt,
        });
        inAppWords.push({ userId: recipient.id, title: words.title, body: words.body });
      }
      if (delivery !== 'email') continue;
      const key = isAccountKind(notice.kind)
        ? null
        : signUnsubscribeKey(this.config.jwtSecret, recipient.id, notice.kind);
      const email = renderEmail({
        language: reader.language,
        notice: words,
        recipient,
        url: this.config.appUrl + notice.link,
        settingsUrl: `${this.config.appUrl}/settings`,
        unsubscribeUrl: key && `${this.config.appUrl}/unsubscribe?key=${key}`,
      });
      emails.push({
        userId: recipient.id,
        kind: notice.kind,
        toAddress: recipient.email,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        ics: notice.ics ?? null,
        unsubscribeUrl: key && `${this.config.appUrl}/api/unsubscribe?key=${key}`,
        notBefore: shownAt,
        key: notice.key ? `${notice.key}:${recipient.id}` : null,
      });
    }

    const notificationIds: string[] = [];
    const shown: WireNotification[] = [];
    for (let start = 0; start < inApp.length; start += CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values(inApp.slice(start, start + CHUNK))
        .returning(['id'])
        .execute();
      (result.raw as { id: string }[]).forEach((row, index) => {
        const words = inAppWords[start + index];
        notificationIds.push(row.id);
        shown.push({
          id: row.id,
          kind: notice.kind,
          title: words.title,
          body: words.body,
          link: notice.link,
          createdAt: shownAt.toISOString(),
          readAt: null,
        });
      });
    }
    const outboxIds: string[] = [];
    for (let start = 0; start < emails.length; start += CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxMessage)
        .values(emails.slice(start, start + CHUNK))
        .orIgnore()
        .returning(['id'])
        .execute();
      outboxIds.push(...(result.raw as { id: string }[]).map((row) => row.id));
    }

    return {
      notificationIds,
      outboxIds,
      shownAt,
      shown: shown.map((notification, index) => ({
        userId: inAppWords[index].userId,
        notification,
      })),
    };
  }

  /** Writes the notice and no more (see the class): the `Notifier` of code without queues. */
  async notify(manager: EntityManager, notice: Notice): Promise<NotifyResult> {
    const { notificationIds, outboxIds } = await this.write(manager, notice);
    return { notificationIds, outboxIds };
  }
}
