import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  JOBS,
  QUEUES,
  announceNoticesJobId,
  deliverMailJobId,
  type AnnounceNoticesJob,
  type DeliverMailJob,
} from '../jobs/queues';
import { LiveEmitter } from '../live/live-emitter';
import { rooms } from '../live/live.events';
import { DEFAULT_SETTINGS } from '../users/settings.service';
import { AfterCommit } from './after-commit';
import { NoticeWriter, type Notice, type NotifyResult } from './notice-writer';
import type { Language } from './notification.wire';
import { OutboxMessage } from './outbox-message.entity';
import type { NoticeParams } from './render/notice-params';
import { renderEmail } from './render/render-email';
import { renderNotice, type EmailWords, type TemplatedKind } from './render/render-notice';

export type { Notice, Notifier, NotifyResult } from './notice-writer';

/** See `notifyAddress`. */
export interface AddressedEmail {
  kind: TemplatedKind;
  /** Words other than the kind's own (a session's invitation is sent as an `invitation`). */
  words?: EmailWords;
  to: string;
  userId: string | null;
  /** How the email greets its reader. */
  name: string;
  language: Language;
  params: NoticeParams;
  link: string;
  /** Why the reader gets it (the footer), when not because they have an account. */
  why?: string;
}

/**
 * The one entry point of notifications. Called inside the transaction of the change that causes
 * it, with that transaction's EntityManager: NoticeWriter writes, per recipient and their
 * settings, the in-app notification and the outbox row, which commit or roll back with the
 * change. After the commit, each email's delivery job is queued (best effort: the worker's
 * sweeper sends rows whose job was lost) and each notification goes live to its user: at once, or
 * when it is due (a reminder), by one delayed job of the worker per call.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly host: string;
  private readonly writer: NoticeWriter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue<DeliverMailJob>,
    @InjectQueue(QUEUES.liveNotices) private readonly liveNotices: Queue<AnnounceNoticesJob>,
    private readonly live: LiveEmitter,
    private readonly afterCommit: AfterCommit,
  ) {
    this.host = new URL(config.appUrl).hostname;
    this.writer = new NoticeWriter(config);
  }

  async notify(manager: EntityManager, notice: Notice): Promise<NotifyResult> {
    const { notificationIds, outboxIds, shownAt, shown } = await this.writer.write(manager, notice);
    const due = shownAt.getTime() <= Date.now();
    this.afterCommit.run(manager, () => {
      this.enqueue(outboxIds, shownAt);
      if (due) {
        for (const { userId, notification } of shown) {
          this.live.clientSend(rooms.user(userId), 'notification', { notification });
        }
      } else {
        // Due later (a reminder): it shows in the list from then on, and the worker announces it
        // live then, in its reader's words of that moment (see LiveNoticesProcessor).
        this.announceLater(notificationIds, shownAt);
      }
    });
    return { notificationIds, outboxIds };
  }

  /**
   * An email to an address rather than to a user's own (accounts and teams, issue 14): the
   * confirmation of a new address (the account's is still the old one), or an invitation to
   * someone who may have no account. Written in the caller's transaction like `notify`'s, in the
   * language given; no in-app notification, no preference and no unsubscribe link (each is asked
   * for once, by its reader or by a colleague naming them). `userId`: the account, if any.
   */
  async notifyAddress(manager: EntityManager, email: AddressedEmail): Promise<string> {
    if (!email.link.startsWith('/')) throw new Error(`notify: link must be a path: ${email.link}`);
    const words = renderNotice(email.words ?? email.kind, email.params, {
      language: email.language,
      timezone: DEFAULT_SETTINGS.timezone,
    });
    const rendered = renderEmail({
      language: email.language,
      notice: words,
      recipient: { name: email.name, email: email.to },
      url: this.config.appUrl + email.link,
      settingsUrl: `${this.config.appUrl}/settings`,
      unsubscribeUrl: null,
      why: email.why,
    });
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        userId: email.userId,
        kind: email.kind,
        toAddress: email.to,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        ics: null,
        unsubscribeUrl: null,
        notBefore: new Date(),
        key: null,
      })
      .returning(['id'])
      .execute();
    const outboxId = (result.raw as { id: string }[])[0].id;
    this.afterCommit.run(manager, () => this.enqueue([outboxId]));
    return outboxId;
  }

  /** Queues the delivery jobs of committed outbox rows; a failure is left to the sweeper. */
  enqueue(outboxIds: readonly string[], notBefore: Date = new Date()): void {
    if (outboxIds.length === 0) return;
    const delay = Math.max(0, notBefore.getTime() - Date.now());
    this.mail
      .addBulk(
        outboxIds.map((outboxId) => ({
          name: JOBS.deliverMail,
          data: { outboxId },
          opts: {
            jobId: deliverMailJobId({ outboxId }),
            delay,
            // The outbox row counts attempts and backs off (see OutboxDelivery); the job is one try.
            attempts: 1,
            removeOnComplete: { age: 3600, count: 1000 },
            removeOnFail: { age: 24 * 3600, count: 1000 },
          },
        })),
      )
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error },
          `${outboxIds.length} email jobs not queued; the outbox sweeper will send them`,
        ),
      );
  }

  /**
   * Queues one delayed job for the notifications of one call, which the worker announces to
   * their users' sockets at `at` (those still there: a withdrawn reminder is deleted). Best
   * effort, like every live notice: the list shows them at their time whatever happens.
   */
  private announceLater(notificationIds: readonly string[], at: Date): void {
    if (notificationIds.length === 0) return;
    const job: AnnounceNoticesJob = { notificationIds: [...notificationIds] };
    this.liveNotices
      .add(JOBS.announceNotices, job, {
        jobId: announceNoticesJobId(job),
        delay: Math.max(0, at.getTime() - Date.now()),
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600, count: 1000 },
      })
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error },
          `${notificationIds.length} notifications due later will not be announced live`,
        ),
      );
  }

  /** The host of `Message-ID`s (`<outbox-id@host>`): APP_URL's. */
  get messageIdHost(): string {
    return this.host;
  }
}
