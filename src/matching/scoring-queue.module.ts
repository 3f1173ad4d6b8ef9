import { Module } from '@nestjs/common';
import { FullRescores } from './full-rescores.service';
import { ScoringQueue } from './scoring-queue';

/** The scoring triggers, for the modules whose changes call for rescoring, and full rescores. */
@Module({ providers: [ScoringQueue, FullRescores], exports: [ScoringQueue, FullRescores] })
export class ScoringQueueModule {}
