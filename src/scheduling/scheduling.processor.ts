import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, QUEUES, type ScheduleJob } from '../jobs/queues';
import type { PlacementReport } from './schedule-report.entity';
import { SchedulePublisher } from './schedule-publisher.service';

/** Scheduling runs (worker only). */
@Processor(QUEUES.scheduling, { concurrency: 1 })
export class SchedulingProcessor extends WorkerHost {
  constructor(private readonly publisher: SchedulePublisher) {
    super();
  }

  process(job: Job<ScheduleJob>): Promise<PlacementReport | null> {
    if (job.name !== JOBS.schedule)
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.scheduling}`);
    return this.publisher.run(job);
  }
}
