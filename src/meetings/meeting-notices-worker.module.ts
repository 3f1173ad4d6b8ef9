import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { MeetingNotices } from './meeting-notices.service';
import { MeetingReminders } from './meeting-reminders.service';

/** The worker's notices about meetings: a published schedule's agendas and reminders. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [MeetingNotices, MeetingReminders],
  exports: [MeetingNotices],
})
export class MeetingNoticesWorkerModule {}
