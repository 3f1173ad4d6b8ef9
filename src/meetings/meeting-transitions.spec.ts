import { MEETING_STATUSES } from './meeting.wire';
import { refusedFeedback, refusedTransition } from './meeting-transitions';

describe('refusedTransition', () => {
  it('lets a scheduled meeting without feedback that has begun become anything else', () => {
    for (const to of ['held', 'no-show', 'cancelled'] as const)
      expect(refusedTransition('scheduled', to, false, true)).toBeNull();
  });

  it('marks a meeting held or a no-show only once it has begun; cancels it before', () => {
    expect(refusedTransition('scheduled', 'held', false, false)?.code).toBe('meeting.not_begun');
    expect(refusedTransition('scheduled', 'no-show', false, false)?.code).toBe('meeting.not_begun');
    expect(refusedTransition('held', 'no-show', false, false)?.code).toBe('meeting.not_begun');
    expect(refusedTransition('scheduled', 'cancelled', false, false)).toBeNull();
  });

  it('never cancels a meeting that took place: held, no-show, or with feedback', () => {
    for (const begun of [true, false]) {
      expect(refusedTransition('held', 'cancelled', false, begun)?.code).toBe(
        'meeting.already_held',
      );
      expect(refusedTransition('held', 'cancelled', true, begun)?.code).toBe(
        'meeting.already_held',
      );
      expect(refusedTransition('no-show', 'cancelled', false, begun)?.code).toBe(
        'meeting.already_no_show',
      );
    }
    expect(refusedTransition('scheduled', 'cancelled', true, true)?.code).toBe(
      'meeting.has_feedback',
    );
  });

  it('keeps a cancelled meeting cancelled, whatever is asked', () => {
    for (const to of MEETING_STATUSES.filter((status) => status !== 'cancelled'))
      for (const begun of [true, false])
        expect(refusedTransition('cancelled', to, false, begun)?.code).toBe('meeting.cancelled');
  });

  it('corrects held and no-show into each other, unless feedback says it took place', () => {
    expect(refusedTransition('held', 'no-show', false, true)).toBeNull();
    expect(refusedTransition('no-show', 'held', false, true)).toBeNull();
    expect(refusedTransition('held', 'no-show', true, true)?.code).toBe('meeting.has_feedback');
    expect(refusedTransition('scheduled', 'held', true, true)).toBeNull();
  });

  it('never schedules a meeting again', () => {
    expect(refusedTransition('held', 'scheduled', false, true)?.code).toBe(
      'meeting.bad_transition',
    );
  });
});

describe('refusedFeedback', () => {
  it('takes feedback once the meeting has begun, held or not yet marked', () => {
    expect(refusedFeedback('scheduled', true)).toBeNull();
    expect(refusedFeedback('held', true)).toBeNull();
  });

  it('refuses it before the meeting begins', () => {
    expect(refusedFeedback('scheduled', false)?.code).toBe('meeting.not_begun');
  });

  it('refuses it on a meeting cancelled or marked a no-show', () => {
    for (const begun of [true, false]) {
      expect(refusedFeedback('cancelled', begun)?.code).toBe('meeting.cancelled');
      expect(refusedFeedback('no-show', begun)?.code).toBe('meeting.not_held');
    }
  });
});
