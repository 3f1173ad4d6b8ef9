import { Module, type DynamicModule } from '@nestjs/common';
import { CompaniesWorkerModule } from './companies/companies-worker.module';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { FollowUpsWorkerModule } from './follow-ups/follow-ups-worker.module';
import { JobsWorkerModule } from './jobs/jobs-worker.module';
import { RedisEpochModule } from './jobs/redis-epoch.module';
import { configureJobLocks } from './jobs/worker-options';
import { MatchingWorkerModule } from './matching/matching-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { OpportunitiesWorkerModule } from './opportunities/opportunities-worker.module';
import { PartnersWorkerModule } from './partners/partners-worker.module';
import { RequestsWorkerModule } from './requests/requests-worker.module';
import { SchedulingWorkerModule } from './scheduling/scheduling-worker.module';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';

/** The worker process: BullMQ processors only, no HTTP server; each feature brings its own. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    configureJobLocks(config);
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, 'worker'),
        RedisEpochModule,
        JobsWorkerModule,
        CompaniesWorkerModule,
        MatchingWorkerModule,
        SessionsWorkerModule,
        SchedulingWorkerModule,
        NotificationsWorkerModule,
        RequestsWorkerModule,
        OpportunitiesWorkerModule,
        FollowUpsWorkerModule,
        PartnersWorkerModule,
      ],
    };
  }
}
