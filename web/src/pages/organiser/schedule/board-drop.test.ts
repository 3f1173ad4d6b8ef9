import { describe, expect, it } from 'vitest';
import { moveOfDrop } from './board-drop';

const dragged = { meetingId: 'm1', companyIds: ['a', 'b'] };
const cell = { companyId: 'a', startsAt: '2026-12-01T02:00:00Z' };

describe('moveOfDrop', () => {
  it('swaps with the meeting it is dropped on', () => {
    expect(moveOfDrop(dragged, 0, { ...cell, slotIndex: 2, meetingId: 'm2' })).toEqual({
      swapWith: 'm2',
    });
  });

  it('moves to the slot of a free cell', () => {
    expect(moveOfDrop(dragged, 0, { ...cell, slotIndex: 3 })).toEqual({ slotIndex: 3 });
  });

  it('asks for nothing when dropped where it is', () => {
    expect(moveOfDrop(dragged, 0, { ...cell, slotIndex: 0, meetingId: 'm1' })).toBeNull();
    expect(moveOfDrop(dragged, 0, { ...cell, companyId: 'c', slotIndex: 0 })).toBeNull();
  });
});
