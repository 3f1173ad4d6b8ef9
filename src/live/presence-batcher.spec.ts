import type { PresenceUser, WirePresenceChange } from './live.events';
import { PresenceBatcher, type PresenceBatch } from './presence-batcher';

const user = (userId: string): PresenceUser => ({
  userId,
  name: userId,
  role: 'member',
  companies: [],
});

function batcher(maxListed = 50) {
  const sent: PresenceBatch[] = [];
  const omitted: { sessionId: string; changes: WirePresenceChange[] }[] = [];
  const batches = new PresenceBatcher({
    windowMs: (count) => (count >= 1000 ? 1000 : 100),
    maxListed,
    send: (batch) => sent.push(batch),
    omitted: (sessionId, changes) => omitted.push({ sessionId, changes }),
  });
  return { batches, sent, omitted };
}

describe('PresenceBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("sends each session's changes of one window as one batch, each user once with their latest state", () => {
    const { batches, sent } = batcher();
    batches.add({ sessionId: 's1', user: user('a'), online: true, count: 1, version: 1 });
    batches.add({ sessionId: 's1', user: user('b'), online: true, count: 2, version: 2 });
    batches.add({ sessionId: 's2', user: user('c'), online: true, count: 1, version: 1 });
    batches.add({ sessionId: 's1', user: user('a'), online: false, count: 1, version: 3 });
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
        omitted: 0,
        count: 1,
        version: 3,
      },
      {
        sessionId: 's2',
        changes: [{ user: user('c'), online: true }],
        omitted: 0,
        count: 1,
        version: 1,
      },
    ]);
    // A later change opens a new window.
    batches.add({ sessionId: 's1', user: user('b'), online: false, count: 0, version: 4 });
    batches.flushAll();
    expect(sent.at(-1)).toEqual({
      sessionId: 's1',
      changes: [{ user: user('b'), online: false }],
      omitted: 0,
      count: 0,
      version: 4,
    });
    jest.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });

  it('keeps the count of the latest version when changes come out of order', () => {
    const { batches, sent } = batcher();
    batches.add({ sessionId: 's1', user: user('a'), online: true, count: 2, version: 7 });
    batches.add({ sessionId: 's1', user: user('b'), online: true, count: 1, version: 6 });
    batches.flushAll();
    expect(sent[0]).toMatchObject({ count: 2, version: 7 });
  });

  it('gathers a large room for a second, and sends a batch too large to list as the count alone', () => {
    const { batches, sent, omitted } = batcher(2);
    batches.add({ sessionId: 's1', user: user('a'), online: true, count: 1000, version: 1 });
    batches.add({ sessionId: 's1', user: user('b'), online: true, count: 1001, version: 2 });
    batches.add({ sessionId: 's1', user: user('c'), online: true, count: 1002, version: 3 });
    jest.advanceTimersByTime(999);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([{ sessionId: 's1', changes: [], omitted: 3, count: 1002, version: 3 }]);
    // Those left out are handed on, for the partners to hear of them.
    expect(omitted).toEqual([
      {
        sessionId: 's1',
        changes: ['a', 'b', 'c'].map((id) => ({ user: user(id), online: true })),
      },
    ]);
  });
});
