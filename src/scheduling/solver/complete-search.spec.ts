import fc from 'fast-check';
import { completeRequests, type CompleteSearchResult } from './complete-search';
import type { FixedMeeting, ScheduleProblem, SolverPair } from './schedule-types';
import {
  all,
  bruteForceFeasible,
  generous,
  problemOf,
  tinyProblems,
  violations,
} from './solver.fixtures';
import { random } from './random';

/** The naive greedy: pairs in the given order, each in the first slot still open to it. */
function firstFitPlaced(problem: ScheduleProblem): number {
  const slots: number[] = [];
  const done: number[] = [];
  problem.pairs.forEach((_, p) => {
    for (let s = 0; s < problem.slots; s++) {
      if (violations(problem, [...done, p], [...slots, s]).length === 0) {
        done.push(p);
        slots.push(s);
        return;
      }
    }
  });
  return done.length;
}

function placedSlots(result: CompleteSearchResult): Int32Array {
  if (typeof result === 'string') throw new Error(`expected a placement, got ${result}`);
  return result.slots;
}

describe('completeRequests', () => {
  it('places nothing when no pair is listed', () => {
    const problem = problemOf(3, [[0, 1]]);
    expect(placedSlots(completeRequests(problem, [], generous()))).toHaveLength(0);
  });

  it('moves the first pair out of the only slot the second can use (greedy ordering trap)', () => {
    const problem = problemOf(2, [
      [0, 1],
      [0, 2],
    ]);
    problem.companies[2].available = [true, false];
    expect(firstFitPlaced(problem)).toBe(1);
    const slots = placedSlots(completeRequests(problem, all(problem), generous()));
    expect(violations(problem, all(problem), slots)).toEqual([]);
    expect(Array.from(slots)).toEqual([1, 0]);
  });

  it('finds a round robin of six firms in five slots where first fit gets stuck', () => {
    const round: [number, number][] = [];
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) round.push([a, b]);
    const problem = problemOf(5, round);
    expect(firstFitPlaced(problem)).toBeLessThan(15);
    const slots = placedSlots(completeRequests(problem, all(problem), generous()));
    expect(violations(problem, all(problem), slots)).toEqual([]);
  });

  it('shares the tables, the windows and the fixed meetings with the listed pairs', () => {
    // One table, taken in slot 0 by a fixed meeting: the pair limited to slots 0 and 1 takes 1,
    // the two others slots 2 and 3.
    const problem = problemOf(
      4,
      [
        [0, 1],
        [0, 2],
        [3, 4],
      ],
      { tables: 1, fixed: [{ a: 5, b: 6, slot: 0 }] },
    );
    problem.pairs[0].slots = [0, 1];
    const slots = placedSlots(completeRequests(problem, all(problem), generous()));
    expect(violations(problem, all(problem), slots)).toEqual([]);
    expect(slots[0]).toBe(1);
    expect([...slots.slice(1)].sort()).toEqual([2, 3]);
  });

  it('places only the listed pairs', () => {
    const problem = problemOf(1, [
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    const slots = placedSlots(completeRequests(problem, [2], generous()));
    expect(Array.from(slots)).toEqual([0]);
  });

  it('keeps the two firms’ days compact', () => {
    // Firm 0 meets in slot 2 already; its new meeting goes next to it, not in slot 0.
    const problem = problemOf(5, [[0, 1]], { fixed: [{ a: 0, b: 2, slot: 2 }] });
    const slots = placedSlots(completeRequests(problem, [0], generous()));
    expect([1, 3]).toContain(slots[0]);
  });

  it('tries the hinted slots first, and leaves a hint only where it must', () => {
    const problem = plantedProblem(4);
    const planted = placedSlots(completeRequests(problem, all(problem), generous()));
    const stats = { nodes: 0, restarts: 0 };
    const again = completeRequests(problem, all(problem), { ...generous(), hint: planted, stats });
    expect(Array.from(placedSlots(again))).toEqual(Array.from(planted));
    expect(stats.nodes).toBe(problem.pairs.length);

    // Both hinted to slot 0: one of them keeps it.
    const clash = problemOf(2, [
      [0, 1],
      [0, 2],
    ]);
    const slots = placedSlots(completeRequests(clash, all(clash), { ...generous(), hint: [0, 0] }));
    expect(violations(clash, all(clash), slots)).toEqual([]);
    expect(Array.from(slots).sort()).toEqual([0, 1]);
  });

  describe('proves infeasible', () => {
    it('three meetings of one firm in two slots', () => {
      const problem = problemOf(2, [
        [0, 1],
        [0, 2],
        [0, 3],
      ]);
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('more meetings than tables', () => {
      const problem = problemOf(
        2,
        [
          [0, 1],
          [2, 3],
          [4, 5],
        ],
        { tables: 1 },
      );
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('a table taken by a fixed meeting', () => {
      const problem = problemOf(2, [[0, 1]], { tables: 1, fixed: [{ a: 2, b: 3, slot: 0 }] });
      problem.pairs[0].slots = [0];
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('two meetings of one firm in a one-slot window', () => {
      const problem = problemOf(3, [
        [0, 1],
        [0, 2],
      ]);
      problem.pairs[0].slots = [1];
      problem.pairs[1].slots = [1, 7, -1, 0.5];
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('a pair without a common free slot', () => {
      const problem = problemOf(2, [[0, 1]]);
      problem.companies[0].available = [true, false];
      problem.companies[1].available = [false, true];
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('a firm beyond its maximum once its fixed meetings count', () => {
      const problem = problemOf(
        4,
        [
          [0, 1],
          [0, 2],
        ],
        { fixed: [{ a: 0, b: 3, slot: 3 }] },
      );
      problem.companies[0].maxMeetings = 2;
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('two firms meeting twice', () => {
      const twice = problemOf(3, [
        [0, 1],
        [1, 0],
      ]);
      expect(completeRequests(twice, all(twice), generous())).toBe('infeasible');
      const again = problemOf(3, [[0, 1]], { fixed: [{ a: 1, b: 0, slot: 2 }] });
      expect(completeRequests(again, all(again), generous())).toBe('infeasible');
    });

    it('a triangle in two slots, which no count rules out', () => {
      const problem = problemOf(2, [
        [0, 1],
        [1, 2],
        [0, 2],
      ]);
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });

    it('a round robin of five firms in four slots, by search', () => {
      const round: [number, number][] = [];
      for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) round.push([a, b]);
      const problem = problemOf(4, round);
      expect(completeRequests(problem, all(problem), generous())).toBe('infeasible');
    });
  });

  it('answers unknown when the node limit comes first', () => {
    const round: [number, number][] = [];
    for (let a = 0; a < 7; a++) for (let b = a + 1; b < 7; b++) round.push([a, b]);
    const problem = problemOf(6, round);
    expect(completeRequests(problem, all(problem), { ...generous(), maxNodes: 3 })).toBe('unknown');
  });

  it('solves a planted instance: 40 firms, 12 slots, 150 meetings, 15 tables, windows', () => {
    for (const seed of [1, 2, 3]) {
      const problem = plantedProblem(seed);
      expect(problem.pairs).toHaveLength(150);
      const stats = { nodes: 0, restarts: 0 };
      const slots = placedSlots(
        completeRequests(problem, all(problem), { deadline: performance.now() + 30_000, stats }),
      );
      expect(violations(problem, all(problem), slots)).toEqual([]);
    }
  });
});

/**
 * A random valid assignment of 150 meetings, then the instance around it: every firm free in its
 * planted slots (and in others with probability 0.9), its maximum its planted count, the busiest
 * slot's count as tables (at most 15), a fifth of the pairs limited to the half of the day holding
 * their planted slot, and a few fixed meetings.
 */
function plantedProblem(seed: number): ScheduleProblem {
  const rand = random(seed);
  const int = (k: number) => Math.floor(rand() * k);
  const [n, S, P, tables] = [40, 12, 150, 15];
  const busy = Array.from({ length: n }, () => new Array<boolean>(S).fill(false));
  const perSlot = new Array<number>(S).fill(0);
  const met = new Set<string>();
  const pairs: SolverPair[] = [];
  const fixed: FixedMeeting[] = [];
  while (pairs.length < P) {
    const [a, b, s] = [int(n), int(n), int(S)];
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || busy[a][s] || busy[b][s] || perSlot[s] >= tables || met.has(key)) continue;
    met.add(key);
    busy[a][s] = busy[b][s] = true;
    perSlot[s]++;
    if (fixed.length < 5) {
      fixed.push({ a, b, slot: s });
      continue;
    }
    const pair: SolverPair = { a, b, tier: 1, score: 50 };
    if (rand() < 0.2) {
      const morning = s < S / 2;
      pair.slots = Array.from({ length: S }, (_, i) => i).filter((i) => i < S / 2 === morning);
    }
    pairs.push(pair);
  }
  return {
    slots: S,
    tables: Math.max(...perSlot),
    companies: busy.map((row) => ({
      available: row.map((planted) => planted || rand() >= 0.1),
      maxMeetings: row.filter(Boolean).length,
    })),
    pairs,
    fixed,
  };
}

describe('completeRequests (property-based)', () => {
  it('returns valid slots, and says infeasible exactly when brute force finds none', () => {
    fc.assert(
      fc.property(tinyProblems, ({ problem, chosen }) => {
        const result = completeRequests(problem, chosen, generous());
        expect(result).not.toBe('unknown');
        const feasible = bruteForceFeasible(problem, chosen);
        if (result === 'infeasible') expect(feasible).toBe(false);
        else {
          expect(violations(problem, chosen, placedSlots(result))).toEqual([]);
          expect(feasible).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });

  it('fills planted schedules on random small sessions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (firms, slots, seed) => {
          // Planted: a random valid assignment, then every firm's limit at its planted count.
          const rand = random(seed);
          const int = (k: number) => Math.floor(rand() * k);
          const busy = Array.from({ length: firms }, () => new Array<boolean>(slots).fill(false));
          const met = new Set<string>();
          const pairs: SolverPair[] = [];
          for (let t = 0; t < firms * slots; t++) {
            const [a, b, s] = [int(firms), int(firms), int(slots)];
            const key = a < b ? `${a}-${b}` : `${b}-${a}`;
            if (a === b || busy[a][s] || busy[b][s] || met.has(key)) continue;
            met.add(key);
            busy[a][s] = busy[b][s] = true;
            pairs.push({ a, b, tier: 0, score: 0, ...(rand() < 0.3 ? { slots: [s] } : {}) });
          }
          const problem: ScheduleProblem = {
            slots,
            tables: null,
            companies: busy.map((row) => ({
              available: row.map((x) => x || rand() < 0.5),
              maxMeetings: row.filter(Boolean).length,
            })),
            pairs,
            fixed: [],
          };
          const slotsOf = placedSlots(completeRequests(problem, all(problem), generous()));
          expect(violations(problem, all(problem), slotsOf)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
