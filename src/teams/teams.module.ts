import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LiveModule } from '../live/live.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

/** Company teams: members and roles, invitations by email. */
@Module({
  imports: [AccountsModule, LiveModule],
  controllers: [TeamsController, InvitationsController],
  providers: [TeamsService, InvitationsService],
})
export class TeamsModule {}
