import { Module } from '@nestjs/common';
import { LiveEmitter } from './live-emitter';

/**
 * The API's live emitter on its own, so that a module LiveModule depends on (notifications) can
 * emit too: one instance, which the gateway of LiveModule attaches to its namespace.
 */
@Module({
  // No configuration: it sends on the gateway's namespace, which the gateway attaches.
  providers: [{ provide: LiveEmitter, useFactory: () => new LiveEmitter() }],
  exports: [LiveEmitter],
})
export class LiveEmitterModule {}
