import { Module } from '@nestjs/common';
import { CompaniesProcessor } from './jobs/companies.processor';
import { CompanyIndexer } from './jobs/company-indexer.service';
import { CompanyRefreshQueue } from './jobs/company-refresh.queue';

/** The worker's side of companies: the refresh processor. */
@Module({
  providers: [CompaniesProcessor, CompanyIndexer, CompanyRefreshQueue],
})
export class CompaniesWorkerModule {}
