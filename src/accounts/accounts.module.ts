import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TokenModule } from '../auth/token.module';
import { LiveModule } from '../live/live.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AccountMail } from './account-mail.service';
import { AccountToken } from './account-token.entity';
import { AccountTokensService } from './account-tokens.service';
import { AccountsController } from './accounts.controller';
import { EmailAddressesService } from './email-addresses.service';
import { PasswordsService } from './passwords.service';

/** Account recovery and hygiene: passwords, addresses, and the links of account emails. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AccountToken]),
    UsersModule,
    TokenModule,
    LiveModule,
    NotificationsModule,
  ],
  controllers: [AccountsController],
  providers: [AccountTokensService, AccountMail, PasswordsService, EmailAddressesService],
  exports: [AccountMail, EmailAddressesService],
})
export class AccountsModule {}
