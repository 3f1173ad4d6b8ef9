import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { ScheduleJob } from '../jobs/queues';
import { stepPause } from '../jobs/step-pause';
import { LiveEmitter } from '../live/live-emitter';
import { MatchmakingSession } from '../sessions/session.entity';
import { planAndPublish } from './publish-schedule';
import type { PlacementReport } from './schedule-report.entity';

/** Runs scheduling jobs: plans and publishes in one transaction, then tells the room. */
@Injectable()
export class SchedulePublisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(job: Job<ScheduleJob>): Promise<PlacementReport | null> {
    const { sessionId } = job.data;
    const published = await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(MatchmakingSession, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) return null;
      // This run is done with once this transaction commits (published, or nothing to publish).
      await manager.query(
        'UPDATE sessions SET schedule_job_id = NULL WHERE id = $1 AND schedule_job_id = $2',
        [sessionId, job.id],
      );
      if (!['open', 'scheduled', 'live'].includes(session.status)) return null;
      return planAndPublish(manager, session, async (percent) => {
        await job.updateProgress(percent);
        await stepPause(this.config.jobStepDelayMs);
      });
    });
    await job.updateProgress(100);
    if (!published) return null;
    this.live.schedulePublished(sessionId, published.companies);
    return published.report;
  }
}
