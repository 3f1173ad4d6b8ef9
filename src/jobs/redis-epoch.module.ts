import { Global, Module } from '@nestjs/common';
import { RedisEpoch } from './redis-epoch.service';

/** The worker's RedisEpoch, injectable by every processor that has work to queue again. */
@Global()
@Module({ providers: [RedisEpoch], exports: [RedisEpoch] })
export class RedisEpochModule {}
