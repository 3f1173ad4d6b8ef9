import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SettingsModule } from '../users/settings.module';
import { MeetingNotices } from './meeting-notices.service';
import { MeetingReminders } from './meeting-reminders.service';

/**
 * The API's notices about meetings (a cancellation) and their reminders, which also follow a
 * user's settings changed through the API.
 */
@Module({
  imports: [NotificationsModule, SettingsModule],
  providers: [MeetingNotices, MeetingReminders],
  exports: [MeetingNotices, MeetingReminders],
})
export class MeetingNoticesModule {}
