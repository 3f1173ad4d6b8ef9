import { Module } from '@nestjs/common';
import { AgreementsController } from './agreements.controller';
import { PartnerActivitiesService } from './partner-activities.service';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

/** Partner economies and their agreements (API side); expiry reminders run in the worker. */
@Module({
  controllers: [PartnersController, AgreementsController],
  providers: [PartnersService, PartnerActivitiesService],
})
export class PartnersModule {}
