import { Module } from '@nestjs/common';
import { LiveEmitterModule } from '../live/live-emitter.module';
import { SettingsModule } from '../users/settings.module';
import { UsersModule } from '../users/users.module';
import { AfterCommit } from './after-commit';
import { NotificationCentre } from './notification-centre.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** The API's side of notifications: `notify` for the API's changes, the centre, unsubscribing. */
@Module({
  imports: [LiveEmitterModule, UsersModule, SettingsModule],
  controllers: [NotificationsController, UnsubscribeController],
  providers: [AfterCommit, NotificationsService, NotificationCentre],
  exports: [NotificationsService, AfterCommit],
})
export class NotificationsModule {}
