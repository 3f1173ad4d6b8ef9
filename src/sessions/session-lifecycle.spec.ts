import { allows, canMove } from './session-lifecycle';

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
