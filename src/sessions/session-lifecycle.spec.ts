import { allows, canMove, isUndo, undoRefusal, undoUntil } from './session-lifecycle';

describe('session lifecycle', () => {
  it('moves forward one step or more, and closes from anywhere, never back', () => {
    expect(canMove('draft', 'open')).toBe(true);
    expect(canMove('open', 'scheduled')).toBe(true);
    expect(canMove('scheduled', 'live')).toBe(true);
    expect(canMove('live', 'closed')).toBe(true);
    expect(canMove('draft', 'closed')).toBe(true);
    expect(canMove('open', 'draft')).toBe(false);
    expect(canMove('live', 'scheduled')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('draft', 'live')).toBe(false);
  });

  it('allows each action only in its states', () => {
    expect(allows('draft', 'edit')).toBe(true);
    expect(allows('scheduled', 'edit')).toBe(false);
    expect(allows('open', 'request')).toBe(true);
    expect(allows('draft', 'request')).toBe(false);
    expect(allows('live', 'request')).toBe(true);
    expect(allows('closed', 'score')).toBe(false);
    expect(allows('live', 'join')).toBe(false);
  });
});

describe('taking a move to live or closed back', () => {
  const hour = 3600_000;
  const now = new Date('2031-03-01T12:00:00Z');
  const startedByHand = {
    status: 'live' as const,
    previousStatus: 'scheduled' as const,
    statusChangedAt: new Date(now.getTime() - 2 * hour),
    startsAt: new Date('2031-04-10T01:00:00Z'),
  };

  it('is a move back to the status before, from live or closed only', () => {
    expect(isUndo(startedByHand, 'scheduled')).toBe(true);
    expect(isUndo(startedByHand, 'open')).toBe(false);
    expect(isUndo({ ...startedByHand, status: 'closed', previousStatus: 'open' }, 'open')).toBe(
      true,
    );
    // Moving on is never an undo, even to the status before.
    expect(isUndo({ ...startedByHand, status: 'scheduled', previousStatus: 'open' }, 'open')).toBe(
      false,
    );
  });

  it('is allowed within 24 hours while nothing was held, and says until when', () => {
    expect(undoRefusal(startedByHand, now, 0)).toBeNull();
    expect(undoUntil(startedByHand)).toEqual(new Date(now.getTime() + 22 * hour));
  });

  it('is refused after the grace period, once the start came, or after a meeting was held', () => {
    const late = new Date(now.getTime() + 22 * hour);
    expect(undoRefusal(startedByHand, late, 0)).toBe('session.undo_expired');
    expect(undoRefusal({ ...startedByHand, startsAt: now }, now, 0)).toBe('session.undo_started');
    expect(undoRefusal(startedByHand, now, 1)).toBe('session.undo_meetings_held');
    expect(undoRefusal({ ...startedByHand, previousStatus: null }, now, 0)).toBe(
      'session.undo_expired',
    );
  });

  it('offers nothing for a session that went live at its start', () => {
    const wentLive = { ...startedByHand, startsAt: startedByHand.statusChangedAt };
    expect(undoUntil(wentLive)).toBeNull();
    const closed = { ...wentLive, status: 'closed' as const, previousStatus: 'live' as const };
    expect(undoUntil(closed)).not.toBeNull();
  });
});
