import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenModule } from '../auth/token.module';
import { CompanyMember } from '../companies/company-member.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { LiveEmitterModule } from './live-emitter.module';
import { LiveSessionsService } from './live-sessions.service';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';

@Module({
  imports: [
    TokenModule,
    UsersModule,
    TypeOrmModule.forFeature([CompanyMember]),
    LiveEmitterModule,
    NotificationsModule,
  ],
  providers: [LiveGateway, LiveSessionsService, PresenceService],
  exports: [LiveEmitterModule],
})
export class LiveModule {}
