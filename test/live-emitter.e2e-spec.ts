import { loadConfig } from '../src/config/app-config';
import { LiveEmitter } from '../src/live/live-emitter';

describe('the worker-side live emitter', () => {
  it('survives a publish after its Redis connection closed (a job finishing during shutdown)', async () => {
    const emitter = new LiveEmitter(loadConfig());
    await emitter.onApplicationShutdown();
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', record);
    try {
      emitter.matchesUpdated('5f0c1d0e-0000-4000-8000-000000000001', ['c1', 'c2']);
      emitter.schedulePublished('5f0c1d0e-0000-4000-8000-000000000001', ['c1']);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });
});
