import fc from 'fast-check';
import { gapFreeSchedule, type IntervalSearchResult } from './interval-search';
import { plantedProblem } from './planted-problems';
import {
  all,
  bruteForceFeasible,
  firmsWithBreaks,
  generous,
  problemOf,
  tinyProblems,
  violations,
} from './solver.fixtures';

function placed(result: IntervalSearchResult): Int32Array {
  if (typeof result === 'string') throw new Error(`expected a schedule, got ${result}`);
  return result.slots;
}

describe('gapFreeSchedule', () => {
  it('gives every firm one unbroken run of meetings', () => {
    // A path a-b-c-d: b and c meet twice each, so their meetings must sit side by side.
    const problem = problemOf(3, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const slots = placed(gapFreeSchedule(problem, all(problem), generous()));
    expect(violations(problem, all(problem), slots)).toEqual([]);
    expect(firmsWithBreaks(problem, all(problem), slots)).toEqual([]);
  });

  it('builds the day around a fixed meeting, and keeps its seat', () => {
    // Firm 0 has a fixed meeting in slot 2 and two more to place: its day is slots 1-3 or 2-4.
    const problem = problemOf(
      5,
      [
        [0, 2],
        [0, 3],
      ],
      { fixed: [{ a: 0, b: 1, slot: 2 }], tables: 1 },
    );
    const slots = placed(gapFreeSchedule(problem, all(problem), generous()));
    expect(violations(problem, all(problem), slots)).toEqual([]);
    expect(slots).not.toContain(2);
    expect(firmsWithBreaks(problem, all(problem), slots)).toEqual([]);
  });

  it('honours windows and forbidden slots', () => {
    const problem = problemOf(4, [
      [0, 1],
      [0, 2],
    ]);
    problem.pairs[0].slots = [3];
    problem.companies[2].available[1] = false;
    const slots = placed(gapFreeSchedule(problem, all(problem), generous()));
    expect([...slots]).toEqual([3, 2]);
  });

  describe('proves there is none', () => {
    it('a triangle in three slots: someone waits between its two meetings', () => {
      const problem = problemOf(3, [
        [0, 1],
        [1, 2],
        [0, 2],
      ]);
      expect(gapFreeSchedule(problem, all(problem), generous())).toBe('infeasible');
    });

    it('an odd number of firms in a slot that all must use', () => {
      // Three firms with one slot each and only slot 0 open: someone has no partner there.
      const problem = problemOf(2, [
        [0, 1],
        [1, 2],
      ]);
      problem.companies[0].available[1] = false;
      problem.companies[2].available[1] = false;
      expect(gapFreeSchedule(problem, all(problem), generous())).toBe('infeasible');
    });
  });

  it.each([
    [40, 125, 8, 16, 0.05, 1],
    [45, 140, 12, 12, 0.12, 2],
    [50, 180, 12, 16, 0.06, 1],
    [60, 220, 14, 20, 0.1, 1],
    [70, 260, 18, 22, 0.12, 1],
  ])(
    'finds the planted optimum of %i firms, %i meetings, %i slots, %i tables',
    (firms, meetings, slots, tables, forbiddenShare, seed) => {
      const { problem } = plantedProblem({
        firms,
        meetings,
        slots,
        tables,
        forbiddenShare,
        windowShare: 0.2,
        seed,
      });
      const result = placed(gapFreeSchedule(problem, all(problem), generous()));
      expect(violations(problem, all(problem), result)).toEqual([]);
      expect(firmsWithBreaks(problem, all(problem), result)).toEqual([]);
    },
  );
});

describe('gapFreeSchedule with a start hint', () => {
  it('walks straight to a hinted set of days on a full-table event it cannot solve cold', () => {
    // 80 firms, 280 meetings in 20 slots of 14 tables: every table is taken in every slot, and
    // the search from nothing runs out of time on it; from each firm's planted first slot, it
    // finds a gap-free schedule without a single restart.
    for (const seed of [1, 2]) {
      const { problem, planted } = plantedProblem({
        firms: 80,
        meetings: 280,
        slots: 20,
        tables: 14,
        forbiddenShare: 0.09,
        windowShare: 0.2,
        seed,
      });
      const startHint = new Int32Array(problem.companies.length).fill(-1);
      for (const { pair, slot } of planted) {
        for (const c of [problem.pairs[pair].a, problem.pairs[pair].b]) {
          if (startHint[c] < 0 || slot < startHint[c]) startHint[c] = slot;
        }
      }
      const stats = { nodes: 0, restarts: 0, leaves: 0 };
      const result = placed(
        gapFreeSchedule(problem, all(problem), { ...generous(), startHint, stats }),
      );
      expect(violations(problem, all(problem), result)).toEqual([]);
      expect(firmsWithBreaks(problem, all(problem), result)).toEqual([]);
      expect(stats.restarts).toBe(0);
    }
  });
});

describe('gapFreeSchedule (property-based)', () => {
  it('returns valid unbroken days, and says infeasible exactly when brute force finds none', () => {
    fc.assert(
      fc.property(tinyProblems, ({ problem, chosen }) => {
        const result = gapFreeSchedule(problem, chosen, generous());
        expect(result).not.toBe('unknown');
        const feasible = bruteForceFeasible(problem, chosen, true);
        if (result === 'infeasible') expect(feasible).toBe(false);
        else {
          expect(violations(problem, chosen, placed(result))).toEqual([]);
          expect(firmsWithBreaks(problem, chosen, placed(result))).toEqual([]);
          expect(feasible).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });
});

describe('gapFreeSchedule on chosen days', () => {
  it('settles the meetings of each chosen day one to one, so the first days it reaches work', () => {
    // 80 firms, 302 meetings in 22 slots of 27 tables. Once a firm's day is chosen, a meeting
    // keeps only the slots it can hold while each of the firm's other meetings holds one of the
    // rest; without that rule the search reached 23 and 60 sets of days (restarting 2 and 4 times)
    // before it could place the meetings in one.
    for (const seed of [2, 4]) {
      const { problem } = plantedProblem({
        firms: 80,
        meetings: 302,
        slots: 22,
        tables: 27,
        forbiddenShare: 0.08,
        windowShare: 0.2,
        seed,
      });
      const stats = { nodes: 0, restarts: 0, leaves: 0 };
      const result = placed(gapFreeSchedule(problem, all(problem), { ...generous(), stats }));
      expect(violations(problem, all(problem), result)).toEqual([]);
      expect(firmsWithBreaks(problem, all(problem), result)).toEqual([]);
      expect(stats.restarts).toBe(0);
      expect(stats.leaves).toBeLessThanOrEqual(3);
    }
  });
});
