import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module';
import { LiveEmitterModule } from '../live/live-emitter.module';
import { MeetingNoticesModule } from '../meetings/meeting-notices.module';
import { ScoringQueueModule } from '../matching/scoring-queue.module';
import { SessionClock } from './jobs/session-clock.queue';
import { Participant } from './participant.entity';
import { ParticipantsService } from './participants.service';
import { MatchmakingSession } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MatchmakingSession, Participant]),
    CompaniesModule,
    LiveEmitterModule,
    MeetingNoticesModule,
    ScoringQueueModule,
  ],
  controllers: [SessionsController],
  providers: [SessionsService, ParticipantsService, SessionClock],
  exports: [SessionsService],
})
export class SessionsModule {}
