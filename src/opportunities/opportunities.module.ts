import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { OpportunitiesController } from './opportunities.controller';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityInterestsService } from './opportunity-interests.service';

/** The opportunities board (API side); its weekly digest runs in the worker. */
@Module({
  imports: [CompaniesModule, ConversationsModule],
  controllers: [OpportunitiesController],
  providers: [OpportunitiesService, OpportunityInterestsService],
})
export class OpportunitiesModule {}
