import { scheduleJobId, scheduleJobOf } from './queues';

describe('scheduling job ids', () => {
  it('tell a draft run from a publishing one, so that a run queued again stays what it was', () => {
    const publishing = scheduleJobId('s1', 'abc');
    const draft = scheduleJobId('s1', 'abc', true);
    expect(publishing).not.toBe(draft);
    expect(scheduleJobOf('s1', publishing)).toEqual({ sessionId: 's1' });
    expect(scheduleJobOf('s1', draft)).toEqual({ sessionId: 's1', draft: true });
  });
});
