import { Module } from '@nestjs/common';
import { FullRescores } from './full-rescores.service';
import { ScoringQueue } from './scoring-queue';
import { TagRarityCache } from './tag-rarity-cache';

/** The scoring triggers, for the modules whose changes call for rescoring, and full rescores. */
@Module({
  providers: [ScoringQueue, FullRescores, TagRarityCache],
  exports: [ScoringQueue, FullRescores, TagRarityCache],
})
export class ScoringQueueModule {}
