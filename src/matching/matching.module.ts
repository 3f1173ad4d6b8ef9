import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { SessionsModule } from '../sessions/sessions.module';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { ScoringQueueModule } from './scoring-queue.module';

@Module({
  imports: [SessionsModule, CompaniesModule, ScoringQueueModule],
  controllers: [MatchingController],
  providers: [MatchingService],
})
export class MatchingModule {}
