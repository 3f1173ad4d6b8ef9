import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES, goLiveJobId, type GoLiveJob } from '../../jobs/queues';
import type { MatchmakingSession } from '../session.entity';

/** Queues the delayed job that turns a session live at its start. */
@Injectable()
export class SessionClock {
  private readonly logger = new Logger(SessionClock.name);

  constructor(@InjectQueue(QUEUES.sessions) private readonly queue: Queue<GoLiveJob>) {}

  /**
   * One job per session and start instant (an edited start queues a new one; the old one finds
   * the start moved and does nothing). Only open and scheduled sessions go live by themselves.
   */
  async scheduleGoLive(session: MatchmakingSession): Promise<void> {
    if (session.status !== 'open' && session.status !== 'scheduled') return;
    const data: GoLiveJob = { sessionId: session.id, startsAt: session.startsAt.toISOString() };
    try {
      await this.queue.add(JOBS.goLive, data, {
        jobId: goLiveJobId(data),
        delay: Math.max(0, session.startsAt.getTime() - Date.now()),
      });
    } catch (error) {
      // The worker's start-up sweep turns overdue sessions live too.
      this.logger.warn({ err: error, sessionId: session.id }, 'could not queue the go-live job');
    }
  }
}
