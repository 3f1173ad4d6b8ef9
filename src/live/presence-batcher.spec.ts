import type { PresenceUser } from './live.events';
import { PresenceBatcher, type PresenceBatch } from './presence-batcher';

const user = (userId: string): PresenceUser => ({
  userId,
  name: userId,
  role: 'member',
  companies: [],
});

describe('PresenceBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("sends each session's changes of one window as one batch, each user once with their latest state", () => {
    const sent: PresenceBatch[] = [];
    const batcher = new PresenceBatcher(100, (batch) => sent.push(batch));
    batcher.add({ sessionId: 's1', user: user('a'), online: true, count: 1 });
    batcher.add({ sessionId: 's1', user: user('b'), online: true, count: 2 });
    batcher.add({ sessionId: 's2', user: user('c'), online: true, count: 1 });
    batcher.add({ sessionId: 's1', user: user('a'), online: false, count: 1 });
    jest.advanceTimersByTime(99);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([
      {
        sessionId: 's1',
        changes: [
          { user: user('b'), online: true },
          { user: user('a'), online: false },
        ],
        count: 1,
      },
      { sessionId: 's2', changes: [{ user: user('c'), online: true }], count: 1 },
    ]);
    // A later change opens a new window.
    batcher.add({ sessionId: 's1', user: user('b'), online: false, count: 0 });
    batcher.flushAll();
    expect(sent.at(-1)).toEqual({
      sessionId: 's1',
      changes: [{ user: user('b'), online: false }],
      count: 0,
    });
    jest.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });
});
