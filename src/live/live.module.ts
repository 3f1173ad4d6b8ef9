import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenModule } from '../auth/token.module';
import { CompanyMember } from '../companies/company-member.entity';
import { UsersModule } from '../users/users.module';
import { LiveNotifier } from './live-notifier.service';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [TokenModule, UsersModule, TypeOrmModule.forFeature([CompanyMember])],
  providers: [LiveGateway, LiveNotifier],
  exports: [LiveNotifier],
})
export class LiveModule {}
