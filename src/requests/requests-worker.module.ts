import { Module } from '@nestjs/common';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { RequestsDigestProcessor } from './requests-digest.processor';
import { RequestsDigest } from './requests-digest.service';

/** The worker's side of meeting requests: the daily digest of those waiting for an answer. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [RequestsDigest, RequestsDigestProcessor],
})
export class RequestsWorkerModule {}
