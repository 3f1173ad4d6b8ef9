import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { AgreementRemindersProcessor } from './agreement-reminders.processor';
import { AgreementReminders } from './agreement-reminders.service';

/** The worker's side of partner economies: daily reminders of agreements due for renewal. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [AgreementReminders, AgreementRemindersProcessor],
})
export class PartnersWorkerModule {}
