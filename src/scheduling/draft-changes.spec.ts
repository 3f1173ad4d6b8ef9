import { draftChanges, firmsChanged, type PlacedMeeting } from './draft-changes';

const meeting = (
  id: string | null,
  slotIndex: number,
  companyA: string,
  companyB: string,
  table: number | null = null,
): PlacedMeeting => ({ id, slotIndex, companyA, companyB, table });

describe('draftChanges', () => {
  it('matches meetings by pair: added, moved (slot or table), removed, unchanged', () => {
    const published = [
      meeting('m1', 0, 'a', 'b', 1),
      meeting('m2', 1, 'c', 'd', 1),
      meeting('m3', 2, 'e', 'f', 1),
      meeting('m4', 3, 'g', 'h', 1),
    ];
    const draft = [
      meeting('m1', 0, 'a', 'b', 1), // kept as it is
      meeting(null, 2, 'd', 'c', 1), // same pair, another slot
      meeting(null, 3, 'g', 'h', 2), // same slot, another table
      meeting(null, 0, 'a', 'e', 2), // new
    ];
    expect(draftChanges(published, draft)).toEqual({
      added: [{ companyIds: ['a', 'e'], slotIndex: 0, table: 2 }],
      moved: [
        {
          meetingId: 'm2',
          companyIds: ['d', 'c'],
          fromSlotIndex: 1,
          slotIndex: 2,
          fromTable: 1,
          table: 1,
        },
        {
          meetingId: 'm4',
          companyIds: ['g', 'h'],
          fromSlotIndex: 3,
          slotIndex: 3,
          fromTable: 1,
          table: 2,
        },
      ],
      removed: [{ meetingId: 'm3', companyIds: ['e', 'f'], slotIndex: 2, table: 1 }],
    });
  });

  it('finds nothing between a schedule and itself, and names no table for video meetings', () => {
    const same = [meeting('m1', 0, 'a', 'b'), meeting('m2', 1, 'c', 'd')];
    expect(draftChanges(same, same)).toEqual({ added: [], moved: [], removed: [] });
    expect(draftChanges([], [meeting(null, 1, 'a', 'b')]).added).toEqual([
      { companyIds: ['a', 'b'], slotIndex: 1 },
    ]);
  });

  it('lists the firms whose agenda changes', () => {
    const changes = draftChanges([meeting('m1', 0, 'a', 'b')], [meeting(null, 0, 'c', 'd')]);
    expect([...firmsChanged(changes)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
