import { Module } from '@nestjs/common';
import { LiveWorkerModule } from '../live/live-worker.module';
import { AfterCommit } from './after-commit';
import { LiveNoticesProcessor } from './delivery/live-notices.processor';
import { LiveNotices } from './delivery/live-notices.service';
import { MailProcessor } from './delivery/mail.processor';
import { MailTransport } from './delivery/mail-transport.service';
import { OutboxDelivery } from './delivery/outbox-delivery.service';
import { NotificationsService } from './notifications.service';

/**
 * The worker's side of notifications: the email delivery processor and its sweeper, the live
 * announcement of notifications due later, and `notify`
 * for the worker's own changes (a published schedule, reminders).
 */
@Module({
  imports: [LiveWorkerModule],
  providers: [
    AfterCommit,
    NotificationsService,
    MailProcessor,
    MailTransport,
    OutboxDelivery,
    LiveNotices,
    LiveNoticesProcessor,
  ],
  exports: [NotificationsService],
})
export class NotificationsWorkerModule {}
