import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { FullRescores } from '../matching/full-rescores.service';
import { statesAllowing } from '../sessions/session-lifecycle';
import { JOBS, QUEUES, scheduleJobOf, type ScheduleJob } from './queues';
import { RedisEpoch } from './redis-epoch.service';

/**
 * What organisers asked for and Redis forgot (see RedisEpoch), queued again from PostgreSQL:
 * full rescores that were started and never finished (`generation_counter` ahead of
 * `score_generation`), and scheduling runs asked for and not yet done (`schedule_job_id`), under
 * the job id the organiser was given.
 */
@Injectable()
export class JobRecovery implements OnModuleInit {
  private readonly logger = new Logger(JobRecovery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.scheduling) private readonly scheduling: Queue<ScheduleJob>,
    private readonly rescores: FullRescores,
    private readonly epoch: RedisEpoch,
  ) {}

  onModuleInit(): void {
    this.epoch.onDataLost('full rescores', () => this.requeueRescores());
    this.epoch.onDataLost('scheduling runs', () => this.requeueScheduling());
  }

  /**
   * A rescore that failed (a block failed for good, and so did its parent) stays unfinished in
   * PostgreSQL, but its failed parent stays in Redis under the same job id (flow jobs are kept
   * on failure), so starting it again finds that job and queues nothing: no retry loop. Only a
   * Redis that lost its data has it run once more.
   */
  async requeueRescores(): Promise<number> {
    const sessions = await this.rescores.unfinished();
    for (const session of sessions) await this.rescores.start(session);
    if (sessions.length > 0) this.logger.log(`Queued ${sessions.length} full rescores again`);
    return sessions.length;
  }

  async requeueScheduling(): Promise<number> {
    const pending = await this.dataSource.query<{ id: string; schedule_job_id: string }[]>(
      `SELECT id, schedule_job_id FROM sessions
        WHERE schedule_job_id IS NOT NULL AND status = ANY($1::session_status[])`,
      [statesAllowing('schedule')],
    );
    for (const session of pending) {
      await this.scheduling.add(JOBS.schedule, scheduleJobOf(session.id, session.schedule_job_id), {
        jobId: session.schedule_job_id,
      });
    }
    if (pending.length > 0) this.logger.log(`Queued ${pending.length} scheduling runs again`);
    return pending.length;
  }
}
