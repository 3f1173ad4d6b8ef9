import { MEETING_STATUSES } from './meeting.wire';
import { refusedTransition } from './meeting-transitions';

describe('refusedTransition', () => {
  it('lets a scheduled meeting without feedback become anything else', () => {
    for (const to of ['held', 'no-show', 'cancelled'] as const)
      expect(refusedTransition('scheduled', to, false)).toBeNull();
  });

  it('never cancels a meeting that took place: held, no-show, or with feedback', () => {
    expect(refusedTransition('held', 'cancelled', false)?.code).toBe('meeting.already_held');
    expect(refusedTransition('held', 'cancelled', true)?.code).toBe('meeting.already_held');
    expect(refusedTransition('no-show', 'cancelled', false)?.code).toBe('meeting.already_no_show');
    expect(refusedTransition('scheduled', 'cancelled', true)?.code).toBe('meeting.has_feedback');
  });

  it('keeps a cancelled meeting cancelled, whatever is asked', () => {
    for (const to of MEETING_STATUSES.filter((status) => status !== 'cancelled'))
      expect(refusedTransition('cancelled', to, false)?.code).toBe('meeting.cancelled');
  });

  it('corrects held and no-show into each other, unless feedback says it took place', () => {
    expect(refusedTransition('held', 'no-show', false)).toBeNull();
    expect(refusedTransition('no-show', 'held', false)).toBeNull();
    expect(refusedTransition('held', 'no-show', true)?.code).toBe('meeting.has_feedback');
    expect(refusedTransition('scheduled', 'held', true)).toBeNull();
  });

  it('never schedules a meeting again', () => {
    expect(refusedTransition('held', 'scheduled', false)?.code).toBe('meeting.bad_transition');
  });
});
