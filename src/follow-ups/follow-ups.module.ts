import { Module } from '@nestjs/common';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { SessionFollowUpsController } from './session-follow-ups.controller';

/** Follow-ups over months (API side): the survey's public page; the sending runs in the worker. */
@Module({
  controllers: [FollowUpsController, SessionFollowUpsController],
  providers: [FollowUpsService],
})
export class FollowUpsModule {}
