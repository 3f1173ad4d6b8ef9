import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module';
import { LiveModule } from '../live/live.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { DelegationApplication } from './delegation-application.entity';
import { DelegationApplicationsService } from './delegation-applications.service';
import { Delegation } from './delegation.entity';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { ItineraryItem } from './itinerary-item.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Delegation, ItineraryItem, DelegationApplication]),
    CompaniesModule,
    LiveModule,
    NotificationsModule,
  ],
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationApplicationsService],
})
export class DelegationsModule {}
