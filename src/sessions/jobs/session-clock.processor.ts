import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES, type GoLiveJob } from '../../jobs/queues';

/** Turns open and scheduled sessions live at their start (worker only). */
@Processor(QUEUES.sessions)
export class SessionClockProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionClockProcessor.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job<GoLiveJob>): Promise<boolean> {
    if (job.name !== JOBS.goLive)
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.sessions}`);
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE sessions SET status = 'live', updated_at = now()
       WHERE id = $1 AND starts_at = $2 AND status IN ('open', 'scheduled') AND starts_at <= now()`,
      [job.data.sessionId, job.data.startsAt],
    );
    return affected > 0;
  }

  /** Sessions whose start passed while no worker ran go live now. */
  async onApplicationBootstrap(): Promise<void> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE sessions SET status = 'live', updated_at = now()
       WHERE status IN ('open', 'scheduled') AND starts_at <= now() AND ends_at > now() RETURNING id`,
    );
    if (rows.length > 0) this.logger.log(`${rows.length} sessions went live on start-up`);
  }
}
