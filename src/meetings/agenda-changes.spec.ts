import { agendaChanges, type AgendaMeeting } from './agenda-changes';

const meeting = (
  id: string,
  slotIndex: number,
  companyA: string,
  companyB: string,
  table: number | null = null,
): AgendaMeeting => ({ id, slotIndex, companyA, companyB, table, roomId: null });

describe('agendaChanges', () => {
  it('matches meetings by their pair, not their id', () => {
    const changes = agendaChanges([meeting('1', 0, 'a', 'b')], [meeting('2', 0, 'b', 'a')]);
    expect(changes.size).toBe(0);
  });

  it('tells both firms of an added, a moved and a removed meeting, in slot order', () => {
    const before = [
      meeting('1', 0, 'a', 'b'),
      meeting('2', 1, 'a', 'c'),
      meeting('3', 2, 'd', 'e'),
    ];
    const after = [meeting('4', 3, 'a', 'b'), meeting('5', 0, 'a', 'd'), meeting('6', 2, 'd', 'e')];
    const changes = agendaChanges(before, after);
    expect([...changes.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(changes.get('a')?.map((c) => [c.change, c.partnerId])).toEqual([
      ['added', 'd'],
      ['removed', 'c'],
      ['moved', 'b'],
    ]);
    expect(changes.get('b')?.[0]).toMatchObject({
      change: 'moved',
      partnerId: 'a',
      before: { slotIndex: 0 },
      after: { slotIndex: 3 },
    });
    expect(changes.get('c')?.map((c) => c.change)).toEqual(['removed']);
    expect(changes.get('d')?.map((c) => [c.change, c.partnerId])).toEqual([['added', 'a']]);
  });

  it('counts another table in the same slot as a move', () => {
    const changes = agendaChanges([meeting('1', 0, 'a', 'b', 1)], [meeting('2', 0, 'a', 'b', 2)]);
    expect(changes.get('a')?.[0].change).toBe('moved');
  });
});
