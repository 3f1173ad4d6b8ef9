import fc from 'fast-check';
import { completeRequests, type CompleteSearchResult } from './complete-search';
import type { FixedMeeting, ScheduleProblem, SolverPair } from './schedule-types';
import { random } from './random';

/** Companies available in every slot unless told otherwise. */
function companies(count: number, slots: number, maxMeetings = 10) {
  return Array.from({ length: count }, () => ({
    available: Array.from({ length: slots }, () => true),
    maxMeetings,
  }));
}

function problemOf(
  slots: number,
  pairs: [number, number][],
  extra: Partial<ScheduleProblem> = {},
): ScheduleProblem {
  const fixedFirms = (extra.fixed ?? []).flatMap((f) => [f.a, f.b]);
  const n = Math.max(0, ...pairs.flat(), ...fixedFirms) + 1;
  return {
    slots,
    tables: null,
    companies: companies(n, slots),
    pairs: pairs.map(([a, b]) => ({ a, b, tier: 1, score: 50 })),
    fixed: [],
    ...extra,
  };
}

const all = (problem: ScheduleProblem): number[] => problem.pairs.map((_, p) => p);

/** Every hard constraint broken by placing pairs[i] in slots[i] (fixed meetings taken as given). */
function violations(problem: ScheduleProblem, pairs: number[], slots: ArrayLike<number>): string[] {
  const errors: string[] = [];
  if (slots.length !== pairs.length) return [`${slots.length} slots for ${pairs.length} pairs`];
  const busy = new Map<string, number>();
  const total = new Map<number, number>();
  const perSlot = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const met = new Set<string>();
  for (const f of problem.fixed) {
    for (const c of [f.a, f.b]) {
      busy.set(`${c}:${f.slot}`, (busy.get(`${c}:${f.slot}`) ?? 0) + 1);
      total.set(c, (total.get(c) ?? 0) + 1);
    }
    perSlot.set(f.slot, (perSlot.get(f.slot) ?? 0) + 1);
    met.add(key(f.a, f.b));
  }
  const withNew = new Set<number>();
  const slotsWithNew = new Set<number>();
  pairs.forEach((p, i) => {
    const { a, b, slots: window } = problem.pairs[p];
    const s = slots[i];
    if (!Number.isInteger(s) || s < 0 || s >= problem.slots)
      errors.push(`pair ${p}: bad slot ${s}`);
    if (window !== undefined && !window.includes(s)) errors.push(`pair ${p}: slot ${s} off window`);
    if (met.has(key(a, b))) errors.push(`pair ${p}: ${a} and ${b} meet twice`);
    met.add(key(a, b));
    for (const c of [a, b]) {
      if (problem.companies[c].available[s] !== true) errors.push(`${c} unavailable in ${s}`);
      const count = (busy.get(`${c}:${s}`) ?? 0) + 1;
      busy.set(`${c}:${s}`, count);
      if (count > 1) errors.push(`${c} has ${count} meetings in slot ${s}`);
      total.set(c, (total.get(c) ?? 0) + 1);
      withNew.add(c);
    }
    perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
    slotsWithNew.add(s);
  });
  for (const c of withNew) {
    if ((total.get(c) ?? 0) > problem.companies[c].maxMeetings) errors.push(`${c} over its max`);
  }
  if (problem.tables !== null) {
    for (const s of slotsWithNew) {
      if ((perSlot.get(s) ?? 0) > problem.tables) errors.push(`slot ${s} over the tables`);
    }
  }
  return errors;
}

/** Every assignment of slots, tried in turn: whether one breaks no constraint. */
function bruteForceFeasible(problem: ScheduleProblem, pairs: number[]): boolean {
  const slots = new Array<number>(pairs.length).fill(0);
  for (;;) {
    if (violations(problem, pairs, slots).length === 0) return true;
    let i = 0;
    while (i < slots.length && ++slots[i] === problem.slots) slots[i++] = 0;
    if (i === slots.length) return false;
  }
}

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

const generous = (): { deadline: number } => ({ deadline: performance.now() + 10_000 });

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

/** Tiny problems: 3 to 7 firms, 2 to 4 slots, at most 6 distinct pairs and 2 fixed meetings. */
const tinyProblems = fc
  .record({ firms: fc.integer({ min: 3, max: 7 }), slots: fc.integer({ min: 2, max: 4 }) })
  .chain(({ firms, slots }) => {
    const firm = fc.integer({ min: 0, max: firms - 1 });
    const slot = fc.integer({ min: 0, max: slots - 1 });
    const twoFirms = fc.tuple(firm, firm).filter(([a, b]) => a !== b);
    return fc.record({
      slots: fc.constant(slots),
      tables: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 2 }),
      companies: fc.array(
        fc.record({
          available: fc.array(
            fc.integer({ min: 0, max: 6 }).map((x) => x !== 3),
            { minLength: slots, maxLength: slots },
          ),
          maxMeetings: fc.oneof(
            { arbitrary: fc.constant(slots), weight: 3 },
            { arbitrary: fc.integer({ min: 0, max: slots }), weight: 2 },
          ),
        }),
        { minLength: firms, maxLength: firms },
      ),
      pairs: fc.uniqueArray(
        fc.record({
          ab: twoFirms,
          slots: fc.option(fc.uniqueArray(slot, { minLength: 1, maxLength: slots }), {
            nil: undefined,
            freq: 3,
          }),
        }),
        {
          minLength: 1,
          maxLength: 6,
          selector: ({ ab: [a, b] }) => Math.min(a, b) * 10 + Math.max(a, b),
        },
      ),
      fixed: fc.array(
        fc.record({ ab: twoFirms, slot }).map(({ ab: [a, b], slot: s }) => ({ a, b, slot: s })),
        { maxLength: 2, size: 'xsmall' },
      ),
      listed: fc.array(
        fc.integer({ min: 0, max: 4 }).map((x) => x > 0),
        { minLength: 6, maxLength: 6 },
      ),
    });
  })
  .map(({ pairs, listed, ...rest }) => {
    const problem: ScheduleProblem = {
      ...rest,
      pairs: pairs.map(({ ab: [a, b], slots }) => ({
        a,
        b,
        tier: 1 as const,
        score: 50,
        ...(slots === undefined ? {} : { slots }),
      })),
    };
    const chosen = problem.pairs.map((_, p) => p).filter((p) => listed[p]);
    return { problem, chosen };
  });

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
