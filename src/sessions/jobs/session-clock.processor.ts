import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES, type GoLiveJob, type SlotClockJob } from '../../jobs/queues';
import { RedisEpoch } from '../../jobs/redis-epoch.service';
import { processorOptions } from '../../jobs/worker-options';
import { LiveEmitter } from '../../live/live-emitter';
import { sessionCompanyIds } from '../session-companies';
import { MatchmakingSession } from '../session.entity';
import { buildSlots, SLOT_ENDING_NOTICE_MS } from '../slots';
import { SessionClock } from './session-clock.queue';

/**
 * The session clock (worker only): turns open and scheduled sessions live at their start, then
 * tells each live session's room when a slot starts and a minute before it ends.
 */
@Processor(QUEUES.sessions, processorOptions(1))
export class SessionClockProcessor
  extends WorkerHost
  implements OnModuleInit, OnApplicationBootstrap
{
  private readonly logger = new Logger(SessionClockProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: SessionClock,
    private readonly live: LiveEmitter,
    private readonly epoch: RedisEpoch,
  ) {
    super();
  }

  /** Redis lost its delayed jobs: every clock is queued again, and every future go-live. */
  onModuleInit(): void {
    this.epoch.onDataLost('session clocks', async () => {
      await this.onApplicationBootstrap();
      const upcoming = await this.dataSource
        .getRepository(MatchmakingSession)
        .createQueryBuilder('session')
        .where("session.status IN ('open', 'scheduled')")
        .andWhere('session.startsAt > now()')
        .getMany();
      for (const session of upcoming) await this.clock.scheduleGoLive(session);
    });
  }

  async process(job: Job): Promise<boolean> {
    switch (job.name) {
      case JOBS.goLive:
        return this.goLive(job.data as GoLiveJob);
      case JOBS.slotClock:
        return this.tick(job.data as SlotClockJob);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.sessions}`);
    }
  }

  private async goLive(data: GoLiveJob): Promise<boolean> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE sessions SET status = 'live', previous_status = status, status_changed_at = now(),
              updated_at = now()
       WHERE id = $1 AND starts_at = $2 AND status IN ('open', 'scheduled') AND starts_at <= now()
       RETURNING id`,
      [data.sessionId, data.startsAt],
    );
    if (rows.length === 0) return false;
    this.live.sessionUpdated(
      data.sessionId,
      'live',
      await sessionCompanyIds(this.dataSource, data.sessionId),
    );
    await this.startClocks([data.sessionId]);
    return true;
  }

  /** Sends one slot notice, if the session is still live and the slot still due then. */
  private async tick(data: SlotClockJob): Promise<boolean> {
    const session = await this.dataSource
      .getRepository(MatchmakingSession)
      .findOneBy({ id: data.sessionId });
    if (!session || session.status !== 'live') return false;
    const slots = buildSlots(session);
    // The clock is queued a few hours ahead: each slot's start tops it up (ids make repeats
    // no-ops); the next slot's start is always queued, so the chain never breaks.
    if (data.kind === 'started') await this.clock.scheduleSlotClock(session, new Date(), slots);
    const slot = slots[data.slotIndex];
    if (!slot) return false;
    const due =
      data.kind === 'started'
        ? slot.startsAt.getTime()
        : Math.max(slot.startsAt.getTime(), slot.endsAt.getTime() - SLOT_ENDING_NOTICE_MS);
    if (due !== Date.parse(data.at) || slot.endsAt.getTime() <= Date.now()) return false;
    if (data.kind === 'started') {
      this.live.slotStarted(session.id, slot, slots[data.slotIndex + 1] ?? null);
    } else {
      const secondsLeft = Math.max(0, Math.round((slot.endsAt.getTime() - Date.now()) / 1000));
      this.live.slotEnding(session.id, slot, secondsLeft);
    }
    return true;
  }

  /**
   * Sessions whose start passed while no worker ran go live now, and every live session's slot
   * clock is queued again (job ids make that a no-op for notices already queued or sent).
   */
  async onApplicationBootstrap(): Promise<void> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE sessions SET status = 'live', previous_status = status, status_changed_at = now(),
              updated_at = now()
       WHERE status IN ('open', 'scheduled') AND starts_at <= now() AND ends_at > now() RETURNING id`,
    );
    if (rows.length > 0) this.logger.log(`${rows.length} sessions went live on start-up`);
    const live = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM sessions WHERE status = 'live' AND ends_at > now()`,
    );
    await this.startClocks(live.map((row) => row.id));
  }

  private async startClocks(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const sessions = await this.dataSource
      .getRepository(MatchmakingSession)
      .findBy(sessionIds.map((id) => ({ id })));
    for (const session of sessions) await this.clock.scheduleSlotClock(session);
  }
}
