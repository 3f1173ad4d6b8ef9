import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, type FlowJob, type Queue } from 'bullmq';
import {
  JOBS,
  QUEUES,
  companyChangedJobId,
  rescoreCompanyJobId,
  type CompanyChangedJob,
  type RescoreCompanyJob,
} from '../jobs/queues';
import { TagRarityCache } from './tag-rarity-cache';

/**
 * Producer side of scoring. A full rescore is a BullMQ flow (block jobs under a finalising
 * parent, see ScoringService); here live the small triggers the API fires when a company joins a
 * session or edits its profile.
 */
@Injectable()
export class ScoringQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(ScoringQueue.name);
  private flows: FlowProducer | null = null;

  constructor(
    @InjectQueue(QUEUES.scoring) readonly queue: Queue,
    private readonly rarity: TagRarityCache,
  ) {}

  /** A company joined `sessionId` or changed its availability there: rescore it in that session. */
  async companyJoined(job: RescoreCompanyJob): Promise<void> {
    this.rarity.forget(job.sessionId);
    await this.add(JOBS.rescoreCompany, job, rescoreCompanyJobId(job));
  }

  /** A company's profile changed: the worker rescores it in every session it takes part in. */
  async companyChanged(job: CompanyChangedJob): Promise<void> {
    // Its tags or its verification may count in any session it takes part in.
    this.rarity.forget();
    await this.add(JOBS.companyChanged, job, companyChangedJobId(job));
  }

  /** Queues a flow: the children run first, the parent once they have all completed. */
  async addFlow(flow: FlowJob): Promise<void> {
    this.flows ??= new FlowProducer({
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
    });
    await this.flows.add(flow);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flows?.close();
  }

  private async add(name: string, data: object, jobId: string): Promise<void> {
    try {
      await this.queue.add(name, data, { jobId });
    } catch (error) {
      this.logger.warn({ err: error, jobId }, 'could not queue a scoring job');
    }
  }
}
