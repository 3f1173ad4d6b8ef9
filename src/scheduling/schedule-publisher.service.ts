import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { ScheduleJob } from '../jobs/queues';
import { stepPause, StepPauses } from '../jobs/step-pause';
import { LiveEmitter } from '../live/live-emitter';
import { MeetingNotices } from '../meetings/meeting-notices.service';
import { MatchmakingSession } from '../sessions/session.entity';
import { allows } from '../sessions/session-lifecycle';
import { planSchedule, plannedMeetings, publishPlan, type SchedulePlan } from './publish-schedule';
import { ScheduleDraft } from './schedule-draft.entity';
import type { PlacementReport } from './schedule-report.entity';
import { fingerprintInputs, loadScheduleInputs } from './schedule-inputs';

/**
 * Runs scheduling jobs in two steps. It plans from a consistent snapshot of the inputs without
 * holding any lock, so that requests, cancellations and pins go on while the solver runs (up to
 * its time budget); then it publishes in one transaction under the session's row lock, where
 * `publishPlan` reads the inputs again and plans again if anything changed meanwhile: a change
 * that meets a run always wins; the firms' notices (agendas, reminders) are written in that same
 * transaction. Then it tells the room. A draft run (`draft`) keeps its plan as the session's
 * draft instead, which an organiser reviews and publishes (ScheduleDrafts).
 */
@Injectable()
export class SchedulePublisher {
  private readonly logger = new Logger(SchedulePublisher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
    private readonly pauses: StepPauses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: MeetingNotices,
  ) {}

  async run(job: Job<ScheduleJob>): Promise<PlacementReport | null> {
    const { sessionId } = job.data;
    const inputs = await this.readInputs(sessionId);
    await job.updateProgress(20);
    await stepPause(this.config.jobStepDelayMs);
    const planned = inputs && planSchedule(inputs);
    await job.updateProgress(70);
    if (job.data.draft) {
      const kept = await this.keepDraft(sessionId, String(job.id), planned);
      await job.updateProgress(100);
      return kept;
    }
    await this.pauses.at('schedule.before-publish', sessionId);
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
      // A run plans only for sessions that may be scheduled; in any other state it publishes nothing.
      if (!allows(session.status, 'schedule')) return null;
      const first = session.status === 'open';
      const before = await this.notices.agendaBefore(manager, sessionId);
      const result = await publishPlan(manager, session, planned);
      // In the publish's transaction: firms are told of exactly the agenda that commits.
      await this.notices.schedulePublished(manager, session, first, before, result.companies);
      await job.updateProgress(85);
      await stepPause(this.config.jobStepDelayMs);
      return result;
    });
    await job.updateProgress(100);
    if (!published) return null;
    if (published.replanned) {
      this.logger.log(`Session ${sessionId}: inputs changed during the run; planned again`);
    }
    this.live.schedulePublished(sessionId, published.companies);
    return published.report;
  }

  /**
   * A draft run keeps its plan as the session's draft (replacing any earlier one) with the
   * fingerprint of the inputs it was planned from; nothing is published and nobody is told.
   */
  private keepDraft(
    sessionId: string,
    jobId: string,
    planned: SchedulePlan | null,
  ): Promise<PlacementReport | null> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(MatchmakingSession, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) return null;
      await manager.query(
        'UPDATE sessions SET schedule_job_id = NULL WHERE id = $1 AND schedule_job_id = $2',
        [sessionId, jobId],
      );
      if (!planned || !allows(session.status, 'schedule')) return null;
      await manager.upsert(
        ScheduleDraft,
        {
          sessionId,
          id: randomUUID(),
          meetings: plannedMeetings(session, planned.inputs, planned.result),
          report: planned.report,
          fingerprint: fingerprintInputs(planned.inputs),
          createdAt: new Date(),
        },
        ['sessionId'],
      );
      return planned.report;
    });
  }

  /** The inputs as of now, all read in one snapshot (REPEATABLE READ), without locking. */
  private readInputs(sessionId: string): Promise<SchedulePlan['inputs'] | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const session = await manager.findOneBy(MatchmakingSession, { id: sessionId });
      if (!session || !allows(session.status, 'schedule')) return null;
      return loadScheduleInputs(manager, session, new Date());
    });
  }
}
