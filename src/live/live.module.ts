import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenModule } from '../auth/token.module';
import { CompanyMember } from '../companies/company-member.entity';
import { UsersModule } from '../users/users.module';
import { LiveEmitter } from './live-emitter';
import { LiveSessionsService } from './live-sessions.service';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';

@Module({
  imports: [TokenModule, UsersModule, TypeOrmModule.forFeature([CompanyMember])],
  providers: [
    LiveGateway,
    // No configuration: it sends on the gateway's namespace, which the gateway attaches.
    { provide: LiveEmitter, useFactory: () => new LiveEmitter() },
    LiveSessionsService,
    PresenceService,
  ],
  exports: [LiveEmitter],
})
export class LiveModule {}
