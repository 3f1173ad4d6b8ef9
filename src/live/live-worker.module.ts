import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';

/** The worker's live emitter, one for every processor that tells the live rooms something. */
@Module({ providers: [LiveEmitter], exports: [LiveEmitter] })
export class LiveWorkerModule {}
