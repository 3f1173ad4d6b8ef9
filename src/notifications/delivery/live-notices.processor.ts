import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, QUEUES, type AnnounceNoticesJob } from '../../jobs/queues';
import { processorOptions } from '../../jobs/worker-options';
import { LiveNotices } from './live-notices.service';

/** The worker announces notifications due later (reminders) live when their time comes. */
@Processor(QUEUES.liveNotices, processorOptions(4))
export class LiveNoticesProcessor extends WorkerHost {
  constructor(private readonly notices: LiveNotices) {
    super();
  }

  async process(job: Job<AnnounceNoticesJob>): Promise<number> {
    if (job.name !== JOBS.announceNotices) {
      throw new Error(`Unknown job ${job.name} on queue ${QUEUES.liveNotices}`);
    }
    return this.notices.announce(job.data.notificationIds);
  }
}
