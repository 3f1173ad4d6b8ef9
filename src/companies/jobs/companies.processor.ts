import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES, type RefreshCompanyJob } from '../../jobs/queues';
import { RedisEpoch } from '../../jobs/redis-epoch.service';
import { processorOptions } from '../../jobs/worker-options';
import { CompanyIndexer, type RefreshOutcome } from './company-indexer.service';
import { CompanyRefreshQueue } from './company-refresh.queue';

const STALE_SWEEP_LIMIT = 10_000;

/** Runs in the worker process only. */
@Processor(QUEUES.companies, processorOptions(4))
export class CompaniesProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(CompaniesProcessor.name);

  constructor(
    private readonly indexer: CompanyIndexer,
    private readonly queue: CompanyRefreshQueue,
    private readonly epoch: RedisEpoch,
  ) {
    super();
  }

  onModuleInit(): void {
    this.epoch.onDataLost('company refreshes', () => this.refreshStale());
  }

  async process(job: Job<RefreshCompanyJob>): Promise<RefreshOutcome> {
    switch (job.name) {
      case JOBS.refreshCompany:
        return this.indexer.refresh(job.data);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.companies}`);
    }
  }

  onApplicationBootstrap(): Promise<void> {
    return this.refreshStale();
  }

  /** Re-queues companies whose refresh never ran (Redis was away when they changed, say). */
  private async refreshStale(): Promise<void> {
    const stale = await this.indexer.findStale(STALE_SWEEP_LIMIT);
    if (stale.length > 0) {
      this.logger.log(`Queueing a refresh of ${stale.length} companies whose index is behind`);
      await this.queue.enqueue(stale);
    }
  }
}
