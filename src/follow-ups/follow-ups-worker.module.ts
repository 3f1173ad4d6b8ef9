import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { FollowUpSender } from './follow-up-sender.service';
import { FollowUpsProcessor } from './follow-ups.processor';

/** The worker's side of follow-ups: sends the surveys that are due. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [FollowUpSender, FollowUpsProcessor],
  exports: [FollowUpSender],
})
export class FollowUpsWorkerModule {}
