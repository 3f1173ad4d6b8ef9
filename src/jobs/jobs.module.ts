import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { QUEUES } from './queues';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.companies })],
  controllers: [JobsController],
  providers: [JobsService],
})
export class JobsModule {}
