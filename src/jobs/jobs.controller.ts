import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { JobsService } from './jobs.service';

const JOB_ID = /^[\w.-]{1,200}$/;

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** A background job's state and progress (organisers). */
  @Get(':id')
  @Roles('organiser')
  get(@Param('id') id: string) {
    if (!JOB_ID.test(id))
      throw AppError.invalid(
        { id: ['must be a job id such as company-refresh.<uuid>.v1'] },
        { id: [{ rule: 'format' }] },
      );
    return this.jobs.get(id);
  }
}
