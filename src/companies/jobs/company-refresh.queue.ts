import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES, refreshCompanyJobId, type RefreshCompanyJob } from '../../jobs/queues';

/** Producer side of the company refresh job (normalised tags and search document). */
@Injectable()
export class CompanyRefreshQueue {
  private readonly logger = new Logger(CompanyRefreshQueue.name);

  constructor(@InjectQueue(QUEUES.companies) private readonly queue: Queue<RefreshCompanyJob>) {}

  /**
   * Queues a refresh for each company version. A failure to reach Redis is logged, not thrown:
   * the change is already committed, and the worker's start-up sweep picks up any company whose
   * search document is behind.
   */
  async enqueue(companies: RefreshCompanyJob[]): Promise<void> {
    if (companies.length === 0) return;
    try {
      await this.queue.addBulk(
        companies.map((data) => ({
          name: JOBS.refreshCompany,
          data,
          opts: { jobId: refreshCompanyJobId(data) },
        })),
      );
    } catch (error) {
      this.logger.warn({ err: error, count: companies.length }, 'could not queue company refresh');
    }
  }
}
