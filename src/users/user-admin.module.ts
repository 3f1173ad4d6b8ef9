import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';

/**
 * The admins' routes on accounts. Apart from UsersModule because disabling a user closes their
 * live connections, and the live gateway itself loads users through UsersModule.
 */
@Module({
  imports: [UsersModule, LiveModule],
  controllers: [UsersController],
})
export class UserAdminModule {}
