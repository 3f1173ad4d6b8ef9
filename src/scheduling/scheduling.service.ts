import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { inputsDigest, JOB_KEY_LENGTH } from '../common/inputs-digest';
import { JOBS, QUEUES, scheduleJobId, type ScheduleJob } from '../jobs/queues';
import { reachQueue } from '../jobs/reach-queue';
import { SessionsService } from '../sessions/sessions.service';
import { ScheduleDraft } from './schedule-draft.entity';

/** A queued run, and a warning when it runs while requests may still come in. */
export interface ScheduleRunView {
  jobId: string;
  warning?: { code: 'requests_still_open'; requestDeadline: string };
}

/** Queues scheduling runs; the worker plans and publishes (SchedulePublisher). */
@Injectable()
export class SchedulingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.scheduling) private readonly queue: Queue<ScheduleJob>,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * `202 {jobId}`; the job id comes from the state of every input, so a repeat queues nothing
   * while that run is queued, running or done.
   */
  async start(user: AuthUser, sessionId: string, draft = false): Promise<ScheduleRunView> {
    const session = await this.sessions.findVisible(user, sessionId);
    this.sessions.assertAllows(session, 'schedule');
    const [state] = await this.dataSource.query<Record<string, string | number | null>[]>(
      `SELECT (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM session_participants WHERE session_id = $1) AS participants,
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM meeting_requests WHERE session_id = $1) AS requests,
              (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM meetings WHERE session_id = $1) AS meetings,
              (SELECT coalesce(max(c.updated_at)::text, '') FROM session_participants p JOIN companies c ON c.id = p.company_id
                WHERE p.session_id = $1) AS companies`,
      [sessionId],
    );
    const key = inputsDigest(
      [state, session.updatedAt.toISOString(), session.scoreGeneration, session.status],
      JOB_KEY_LENGTH,
    );
    const jobId = scheduleJobId(sessionId, key, draft);
    // Before the request deadline, requests still come in: the organiser is told that those will
    // need another run (the web app asks before running early).
    const answer: ScheduleRunView =
      Date.now() < session.requestDeadline.getTime()
        ? {
            jobId,
            warning: {
              code: 'requests_still_open',
              requestDeadline: session.requestDeadline.toISOString(),
            },
          }
        : { jobId };
    const existing = await reachQueue(() => this.queue.getJob(jobId));
    if (existing) {
      // Asked again after a run that failed for good (every attempt), or for a draft after the
      // draft of the same inputs was discarded: run it again, same id.
      const again =
        (await reachQueue(() => existing.isFailed())) ||
        (draft &&
          (await reachQueue(() => existing.isCompleted())) &&
          !(await this.dataSource.getRepository(ScheduleDraft).existsBy({ sessionId })));
      if (!again) return answer;
      await reachQueue(() => existing.remove());
    }
    // Recorded first, so that a worker queues the run again if Redis loses it (see JobRecovery).
    await this.dataSource.query('UPDATE sessions SET schedule_job_id = $2 WHERE id = $1', [
      sessionId,
      jobId,
    ]);
    try {
      await reachQueue(() =>
        this.queue.add(JOBS.schedule, draft ? { sessionId, draft } : { sessionId }, { jobId }),
      );
    } catch (error) {
      await this.dataSource.query(
        'UPDATE sessions SET schedule_job_id = NULL WHERE id = $1 AND schedule_job_id = $2',
        [sessionId, jobId],
      );
      throw error;
    }
    return answer;
  }
}
