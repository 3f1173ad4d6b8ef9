import { Module } from '@nestjs/common';
import { ProgrammeReportController } from './programme-report.controller';
import { ProgrammeReportService } from './programme-report.service';

/** The programme report: per partner economy and year, what was done and what came of it. */
@Module({
  controllers: [ProgrammeReportController],
  providers: [ProgrammeReportService],
})
export class ProgrammeModule {}
