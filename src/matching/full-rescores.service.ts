import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inputsDigest, JOB_KEY_LENGTH } from '../common/inputs-digest';
import {
  JOBS,
  QUEUES,
  fullRescoreJobId,
  type FinishRescoreJob,
  type ScoreBlockJob,
} from '../jobs/queues';
import { reachQueue } from '../jobs/reach-queue';
import { MatchmakingSession } from '../sessions/session.entity';
import { ScoringQueue } from './scoring-queue';
import { scoringSettingsDigest } from './session-inputs';

/** Companies per block job of a full rescore. */
export const BLOCK_SIZE = 1000;
const LAST = 2 ** 31 - 1;

/**
 * Queues full rescores, for organisers (the API) and for the worker that queues again what Redis
 * lost. A full rescore that was started and never finished shows in PostgreSQL: its session's
 * `generation_counter` is ahead of `score_generation`.
 */
@Injectable()
export class FullRescores {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: ScoringQueue,
  ) {}

  /**
   * Queues a full rescore as a flow: block jobs over the participants (a snapshot in company-id
   * order), then one job that makes the new generation current. The job id comes from the state
   * of the inputs, so a repeated trigger with nothing changed returns the same job, unless that
   * job failed and an organiser asks again (`retryFailed`): it then runs again under the same id.
   * (The recovery of lost jobs does not ask that, so it never loops on a rescore that fails.)
   * While Redis is away this is a 503 (`queue_unavailable`).
   */
  async start(
    session: MatchmakingSession,
    { retryFailed = false }: { retryFailed?: boolean } = {},
  ): Promise<{ jobId: string }> {
    const sessionId = session.id;
    const [inputs] = await this.dataSource.query<
      { n: number; joined: string | null; edited: string | null; now: string }[]
    >(
      `SELECT count(*)::int AS n, max(p.updated_at)::text AS joined, max(c.updated_at)::text AS edited, now()::text AS now
         FROM session_participants p JOIN companies c ON c.id = p.company_id WHERE p.session_id = $1`,
      [sessionId],
    );
    const key = inputsDigest(
      [inputs.n, inputs.joined, inputs.edited, session.updatedAt.toISOString()],
      JOB_KEY_LENGTH,
    );
    const jobId = fullRescoreJobId(sessionId, key);
    const existing = await reachQueue(() => this.queue.queue.getJob(jobId));
    if (existing) {
      if (!retryFailed || !(await reachQueue(() => existing.isFailed()))) return { jobId };
      await reachQueue(() => existing.remove()); // with its blocks
    }

    const [[{ generation_counter: generation }]] = await this.dataSource.query<
      [{ generation_counter: number }[], number]
    >(
      'UPDATE sessions SET generation_counter = generation_counter + 1 WHERE id = $1 RETURNING generation_counter',
      [sessionId],
    );
    const snapshotAt = inputs.now;
    const blocks: ScoreBlockJob[] = [];
    for (let start = 0; start < Math.max(inputs.n, 1); start += BLOCK_SIZE) {
      const end = start + BLOCK_SIZE >= inputs.n ? LAST : start + BLOCK_SIZE;
      blocks.push({ sessionId, generation, snapshotAt, start, end });
    }
    const finish: FinishRescoreJob = {
      sessionId,
      generation,
      snapshotAt,
      settings: scoringSettingsDigest(session),
    };
    await reachQueue(() =>
      this.queue.addFlow({
        name: JOBS.finishRescore,
        queueName: QUEUES.scoring,
        data: finish,
        opts: { jobId, attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
        children: blocks.map((block, index) => ({
          name: JOBS.scoreBlock,
          queueName: QUEUES.scoring,
          data: block,
          // A flow takes none of the queue's default options: retries are said here. A block
          // that fails for good starts the parent at once, which fails with the block's reason
          // (ScoringWorkerService.finishRescore) instead of waiting for it forever.
          opts: {
            jobId: `${jobId}.block-${index}`,
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            continueParentOnFailure: true,
          },
        })),
      }),
    );
    return { jobId };
  }

  /** Sessions (not closed) whose latest full rescore was started and never finished. */
  async unfinished(): Promise<MatchmakingSession[]> {
    return this.dataSource
      .getRepository(MatchmakingSession)
      .createQueryBuilder('session')
      .where('session.generationCounter > session.scoreGeneration')
      .andWhere("session.status <> 'closed'")
      .getMany();
  }
}
