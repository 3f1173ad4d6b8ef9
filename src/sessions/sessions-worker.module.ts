import { Module } from '@nestjs/common';
import { LiveWorkerModule } from '../live/live-worker.module';
import { SessionClockProcessor } from './jobs/session-clock.processor';
import { SessionClock } from './jobs/session-clock.queue';

/** The worker's side of sessions: the session clock (opening, slots, closing). */
@Module({
  imports: [LiveWorkerModule],
  providers: [SessionClockProcessor, SessionClock],
})
export class SessionsWorkerModule {}
