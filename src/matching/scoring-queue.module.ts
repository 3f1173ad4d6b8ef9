import { Module } from '@nestjs/common';
import { ScoringQueue } from './scoring-queue';

/** The scoring triggers, for the modules whose changes call for rescoring. */
@Module({ providers: [ScoringQueue], exports: [ScoringQueue] })
export class ScoringQueueModule {}
