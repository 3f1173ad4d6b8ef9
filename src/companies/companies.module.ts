import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveModule } from '../live/live.module';
import { ScoringQueueModule } from '../matching/scoring-queue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyActivitiesService } from './company-activities.service';
import { CompanyImportService } from './company-import.service';
import { CompanyMember } from './company-member.entity';
import { Company } from './company.entity';
import { CompanyRefreshQueue } from './jobs/company-refresh.queue';
import { TaxonomyController } from './taxonomy.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Company, CompanyMember]),
    LiveModule,
    ScoringQueueModule,
    NotificationsModule,
  ],
  controllers: [TaxonomyController, CompaniesController],
  providers: [
    CompaniesService,
    CompanyActivitiesService,
    CompanyImportService,
    CompanyRefreshQueue,
  ],
  exports: [CompaniesService],
})
export class CompaniesModule {}
