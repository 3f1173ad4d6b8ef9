import { Module } from '@nestjs/common';
import { TokenModule } from '../auth/token.module';
import { CompaniesModule } from '../companies/companies.module';
import { LiveModule } from '../live/live.module';
import { SessionsModule } from '../sessions/sessions.module';
import { MeetingNoticesModule } from './meeting-notices.module';
import { MeetingBoard } from './meeting-board.service';
import { MeetingsController } from './meetings.controller';
import { SessionMeetingsController } from './session-meetings.controller';
import { MeetingsService } from './meetings.service';

/** Meetings, their attendance and feedback, and the agendas and calendars built from them. */
@Module({
  imports: [SessionsModule, CompaniesModule, LiveModule, TokenModule, MeetingNoticesModule],
  controllers: [MeetingsController, SessionMeetingsController],
  providers: [MeetingsService, MeetingBoard],
  exports: [MeetingsService],
})
export class MeetingsModule {}
