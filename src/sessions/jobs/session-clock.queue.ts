import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  JOBS,
  QUEUES,
  goLiveJobId,
  slotClockJobId,
  type GoLiveJob,
  type SlotClockJob,
} from '../../jobs/queues';
import type { MatchmakingSession } from '../session.entity';
import { buildSlots, SLOT_CLOCK_HORIZON_MS, slotClockEvents, type Slot } from '../slots';

/**
 * Queues a session's timed work as delayed BullMQ jobs: going live at its start, then the slot
 * clock. Job ids are derived from the work, so the API and any number of workers may queue the
 * same notice and it is still sent once.
 */
@Injectable()
export class SessionClock {
  private readonly logger = new Logger(SessionClock.name);

  constructor(@InjectQueue(QUEUES.sessions) private readonly queue: Queue) {}

  /** Whatever the session's status calls for: the go-live job, or the slot clock once live. */
  async schedule(session: MatchmakingSession): Promise<void> {
    if (session.status === 'live') await this.scheduleSlotClock(session);
    else await this.scheduleGoLive(session);
  }

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

  /**
   * `slot.started` and `slot.ending` for the slots of a live session that are not over and start
   * within the next hours (`SLOT_CLOCK_HORIZON_MS`), and always the next one: each notice sent
   * calls this again, so the clock runs to the session's end without thousands of jobs waiting.
   */
  async scheduleSlotClock(
    session: MatchmakingSession,
    now = new Date(),
    sessionSlots: Slot[] = buildSlots(session),
  ): Promise<void> {
    const slots = slotClockEvents(sessionSlots, now, SLOT_CLOCK_HORIZON_MS);
    const jobs = slots.map((event) => {
      const data: SlotClockJob = {
        sessionId: session.id,
        slotIndex: event.slotIndex,
        kind: event.kind,
        at: event.at.toISOString(),
      };
      return {
        name: JOBS.slotClock,
        data,
        opts: {
          jobId: slotClockJobId(data),
          delay: Math.max(0, event.at.getTime() - now.getTime()),
        },
      };
    });
    try {
      await this.queue.addBulk(jobs);
    } catch (error) {
      // The worker queues the clock of every live session again when it starts.
      this.logger.warn({ err: error, sessionId: session.id }, 'could not queue the slot clock');
    }
  }
}
