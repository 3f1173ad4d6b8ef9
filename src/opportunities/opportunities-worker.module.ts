import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { OpportunitiesDigestProcessor } from './opportunities-digest.processor';
import { OpportunitiesDigest } from './opportunities-digest.service';

/** The worker's side of the opportunities board: the weekly digest of new posts that fit. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [OpportunitiesDigest, OpportunitiesDigestProcessor],
})
export class OpportunitiesWorkerModule {}
