import { freeTable, placementConflict, type BoardState, type Placement } from './board-rules';

const MIN = 60_000;
const slots = [0, 1, 2, 3].map((index) => ({
  index,
  startsAt: 100 * MIN + index * 20 * MIN,
  endsAt: 100 * MIN + (index + 1) * 20 * MIN,
}));

function board(overrides: Partial<BoardState> = {}): BoardState {
  return {
    now: 0,
    slots,
    inPerson: true,
    tables: 2,
    maxMeetings: 3,
    availability: new Map([
      ['a', []],
      ['b', []],
      ['c', []],
      ['d', [{ from: slots[2].startsAt, to: slots[3].endsAt }]],
    ]),
    meetings: [
      { id: 'm1', slotIndex: 1, companyA: 'a', companyB: 'b', table: 1 },
      { id: 'm2', slotIndex: 2, companyA: 'c', companyB: 'd', table: 1 },
    ],
    ...overrides,
  };
}

const place = (over: Partial<Placement>): Placement => ({
  meetingId: null,
  companyA: 'a',
  companyB: 'c',
  slotIndex: 0,
  table: 1,
  ...over,
});

describe('placementConflict', () => {
  it('allows a free slot and table for two free firms', () => {
    expect(placementConflict(board(), [place({})])).toBeNull();
  });

  it('refuses a slot already begun', () => {
    expect(placementConflict(board({ now: slots[1].startsAt }), [place({})])).toMatchObject({
      code: 'board.slot_begun',
      details: { slotIndex: 0 },
    });
  });

  it('refuses a firm that does not take part, or is not available then', () => {
    expect(placementConflict(board(), [place({ companyB: 'x' })])?.details).toEqual({
      companyId: 'x',
    });
    expect(placementConflict(board(), [place({ companyA: 'b', companyB: 'd' })])).toMatchObject({
      code: 'board.unavailable',
      details: { companyId: 'd', slotIndex: 0 },
    });
  });

  it('names the meeting in the way: a firm busy in the slot, the pair meeting already', () => {
    expect(placementConflict(board(), [place({ slotIndex: 1, table: 2 })])).toEqual({
      code: 'board.company_busy',
      message: 'This firm already has a meeting in that slot',
      details: { companyId: 'a', slotIndex: 1, meetingId: 'm1' },
    });
    expect(placementConflict(board(), [place({ companyB: 'b' })])).toMatchObject({
      code: 'board.pair_meets',
      details: { meetingId: 'm1' },
    });
  });

  it('keeps each firm to its most meetings', () => {
    expect(placementConflict(board({ maxMeetings: 1 }), [place({})])).toMatchObject({
      code: 'board.max_meetings',
      details: { companyId: 'a', max: 1 },
    });
  });

  it('keeps one meeting per table and no more meetings than tables in a slot', () => {
    expect(
      placementConflict(board(), [place({ companyA: 'a', companyB: 'c', slotIndex: 2 })]),
    ).toMatchObject({ code: 'board.company_busy' });
    const state = board({
      meetings: [{ id: 'm1', slotIndex: 0, companyA: 'b', companyB: 'd', table: 1 }],
      availability: new Map([
        ['a', []],
        ['b', []],
        ['c', []],
        ['d', []],
      ]),
    });
    expect(placementConflict(state, [place({ table: 1 })])).toMatchObject({
      code: 'board.table_taken',
      details: { table: 1, meetingId: 'm1' },
    });
    expect(placementConflict({ ...state, tables: 1 }, [place({ table: 2 })])).toMatchObject({
      code: 'board.tables_full',
    });
    expect(freeTable(state, 0, state.meetings)).toBe(2);
    expect(freeTable({ ...state, tables: 1 }, 0, state.meetings)).toBeNull();
    expect(freeTable({ ...state, tables: null }, 0, state.meetings)).toBe(2);
  });

  it('lets two meetings swap slots, and a meeting move within its own firms', () => {
    const state = board({
      meetings: [
        { id: 'm1', slotIndex: 1, companyA: 'a', companyB: 'b', table: 1 },
        { id: 'm2', slotIndex: 2, companyA: 'a', companyB: 'c', table: 1 },
      ],
    });
    expect(
      placementConflict(state, [
        { meetingId: 'm1', companyA: 'a', companyB: 'b', slotIndex: 2, table: 1 },
        { meetingId: 'm2', companyA: 'a', companyB: 'c', slotIndex: 1, table: 1 },
      ]),
    ).toBeNull();
    expect(
      placementConflict(state, [
        { meetingId: 'm1', companyA: 'a', companyB: 'b', slotIndex: 2, table: 2 },
      ]),
    ).toMatchObject({ code: 'board.company_busy', details: { meetingId: 'm2' } });
  });

  it('has no tables in video sessions', () => {
    const state = board({ inPerson: false, tables: null });
    expect(placementConflict(state, [place({ table: null })])).toBeNull();
  });
});
