import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenModule } from '../auth/token.module';
import { CompanyMember } from '../companies/company-member.entity';
import { UsersModule } from '../users/users.module';
import { LiveNotifier } from './live-notifier.service';
import { LiveSessionsService } from './live-sessions.service';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';

@Module({
  imports: [TokenModule, UsersModule, TypeOrmModule.forFeature([CompanyMember])],
  providers: [LiveGateway, LiveNotifier, LiveSessionsService, PresenceService],
  exports: [LiveNotifier],
})
export class LiveModule {}
