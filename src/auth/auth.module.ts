import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { CompaniesModule } from '../companies/companies.module';
import { SettingsModule } from '../users/settings.module';
import { UsersModule } from '../users/users.module';
import { AdminBootstrap } from './admin.bootstrap';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { TokenModule } from './token.module';

@Module({
  imports: [UsersModule, SettingsModule, CompaniesModule, TokenModule, AccountsModule],
  controllers: [AuthController],
  providers: [AuthService, AdminBootstrap, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
