import { Module, type DynamicModule } from '@nestjs/common';
import { CompanyJobsModule } from './companies/company-jobs.module';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { RedisEpochModule } from './jobs/redis-epoch.module';
import { configureJobLocks } from './jobs/worker-options';
import { ScoringJobsModule } from './matching/scoring-jobs.module';

/** The worker process: BullMQ processors only, no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    configureJobLocks(config);
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, 'worker'),
        RedisEpochModule,
        CompanyJobsModule,
        ScoringJobsModule,
      ],
    };
  }
}
