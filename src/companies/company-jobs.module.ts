import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { CompaniesProcessor } from './jobs/companies.processor';
import { CompanyIndexer } from './jobs/company-indexer.service';
import { CompanyRefreshQueue } from './jobs/company-refresh.queue';

/** The worker's side of companies: the refresh processor. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.companies })],
  providers: [CompaniesProcessor, CompanyIndexer, CompanyRefreshQueue],
})
export class CompanyJobsModule {}
