import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppError } from '../common/app-error';
import type { JobState } from './job.wire';
import { QUEUES } from './queues';
import { reachQueue } from './reach-queue';
import type { WireJob } from '../live/live.wire';

/** Declared once, in the file of wire types the web app shares. */
export type JobView = WireJob;

/** Finds a job by id in any of TradeMatch's queues (job ids are unique by construction). */
@Injectable()
export class JobsService {
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(QUEUES.companies) companies: Queue,
    @InjectQueue(QUEUES.sessions) sessions: Queue,
    @InjectQueue(QUEUES.scoring) scoring: Queue,
    @InjectQueue(QUEUES.scheduling) scheduling: Queue,
  ) {
    this.queues = [scoring, scheduling, companies, sessions];
  }

  /** The job, or 404; 503 while Redis is away. */
  get(id: string): Promise<JobView> {
    return reachQueue(() => this.find(id));
  }

  private async find(id: string): Promise<JobView> {
    for (const queue of this.queues) {
      const found = (await queue.getJob(id)) as Job | undefined;
      if (!found) continue;
      const state = await found.getState();
      // A job that finished between the two reads is read again, with its result or its reason.
      const job =
        (state === 'completed' || state === 'failed') && found.finishedOn === undefined
          ? ((await queue.getJob(id)) ?? found)
          : found;
      return this.toView(queue.name, job, state);
    }
    throw AppError.notFound('job', id);
  }

  /** A flow's parent (a full rescore) reports the share of its children done, in percent. */
  private async flowProgress(job: Job): Promise<{ progress: number } | null> {
    const counts = await job.getDependenciesCount();
    const processed = counts.processed ?? 0;
    const all =
      processed + (counts.unprocessed ?? 0) + (counts.failed ?? 0) + (counts.ignored ?? 0);
    if (all === 0) return null;
    return { progress: Math.round((100 * processed) / all) };
  }

  private async toView(queue: string, job: Job, state: JobState): Promise<JobView> {
    return {
      id: job.id ?? '',
      queue,
      name: job.name,
      state,
      progress: (await this.flowProgress(job))?.progress ?? (job.progress as number | object),
      attempts: job.attemptsMade,
      createdAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      ...(job.failedReason ? { failedReason: job.failedReason } : {}),
      ...(state === 'completed' ? { result: job.returnvalue as unknown } : {}),
    };
  }
}
