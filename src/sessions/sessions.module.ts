import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module';
import { LiveEmitterModule } from '../live/live-emitter.module';
import { MeetingNoticesModule } from '../meetings/meeting-notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScoringQueueModule } from '../matching/scoring-queue.module';
import { SessionClock } from './jobs/session-clock.queue';
import { Participant } from './participant.entity';
import { ParticipantsService } from './participants.service';
import { MatchmakingSession } from './session.entity';
import { SessionInvitation } from './session-invitation.entity';
import { SessionInvitationsController } from './session-invitations.controller';
import { SessionInvitationsService } from './session-invitations.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MatchmakingSession, Participant, SessionInvitation]),
    CompaniesModule,
    LiveEmitterModule,
    MeetingNoticesModule,
    NotificationsModule,
    ScoringQueueModule,
  ],
  controllers: [SessionsController, SessionInvitationsController],
  providers: [SessionsService, ParticipantsService, SessionInvitationsService, SessionClock],
  exports: [SessionsService],
})
export class SessionsModule {}
