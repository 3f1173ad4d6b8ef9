import { scheduleGaps, type ScheduleGaps } from './breaks';
import { checkSchedule } from './check-schedule';
import type { ScheduleProblem, ScheduleResult, SolverPair, Tier } from './schedule-types';
import { defaultTimeBudgetMs, solveSchedule } from './solve-schedule';
import { syntheticProblem } from './synthetic-problems';
import { plantedProblem } from './planted-problems';

/** Companies available in every slot unless told otherwise. */
function companies(count: number, slots: number, maxMeetings = 10) {
  return Array.from({ length: count }, () => ({
    available: Array.from({ length: slots }, () => true),
    maxMeetings,
  }));
}

function pair(a: number, b: number, tier: Tier, score = 50): SolverPair {
  return { a, b, tier, score };
}

function reasonOf(result: ScheduleResult, p: number): string | undefined {
  return result.unplaced.find((u) => u.pair === p)?.reason;
}

function placed(result: ScheduleResult, p: number): boolean {
  return result.meetings.some((m) => m.pair === p);
}

/**
 * Lexicographic value of a result: requests placed by tier, fewest breaks, smallest spread,
 * fillers' scores, requests' scores.
 */
function objective(problem: ScheduleProblem, result: ScheduleResult): number[] {
  const score = (fillers: boolean) =>
    result.meetings
      .filter((m) => (problem.pairs[m.pair].tier === 3) === fillers)
      .reduce((sum, m) => sum + problem.pairs[m.pair].score, 0);
  const gaps = scheduleGaps(problem, result.meetings);
  return [
    ...result.placedByTier.slice(0, 3),
    -gaps.totalBreaks,
    -gaps.breakSpread,
    score(true),
    score(false),
  ];
}

function compare(x: number[], y: number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The best schedule of a tiny problem by exhaustive search (each pair: a slot or none). */
function bruteForce(problem: ScheduleProblem): number[] {
  const { pairs, slots } = problem;
  let best: number[] | null = null;
  const choice = new Array<number>(pairs.length).fill(-1);
  const visit = (i: number): void => {
    if (i === pairs.length) {
      const meetings = choice.flatMap((slot, p) => (slot >= 0 ? [{ pair: p, slot }] : []));
      const placedByTier: [number, number, number, number] = [0, 0, 0, 0];
      for (const m of meetings) placedByTier[pairs[m.pair].tier]++;
      const requestedByTier: [number, number, number, number] = [0, 0, 0, 0];
      for (const p of pairs) requestedByTier[p.tier]++;
      const result: ScheduleResult = withGaps(problem, {
        meetings,
        placedByTier,
        requestedByTier,
        unplaced: pairs.flatMap((p, j) =>
          p.tier <= 2 && choice[j] < 0 ? [{ pair: j, reason: 'slots-taken' as const }] : [],
        ),
      });
      if (checkSchedule(problem, result).length > 0) return;
      const value = objective(problem, result);
      if (best === null || compare(value, best) > 0) best = value;
      return;
    }
    for (let s = -1; s < slots; s++) {
      choice[i] = s;
      visit(i + 1);
    }
    choice[i] = -1;
  };
  visit(0);
  return best ?? [0, 0, 0, 0, 0, 0, 0];
}

/** A hand-written result with the gap counts the checker expects. */
function withGaps(
  problem: ScheduleProblem,
  result: Omit<ScheduleResult, keyof ScheduleGaps>,
): ScheduleResult {
  return { ...result, ...scheduleGaps(problem, result.meetings) };
}

describe('solveSchedule', () => {
  it('keeps every hard constraint on random instances', () => {
    const cases = [
      { companies: 40, slots: 6, requests: 200, skew: false, seed: 1 },
      { companies: 40, slots: 6, requests: 200, skew: true, seed: 2 },
      { companies: 80, slots: 10, requests: 500, skew: true, seed: 3, fixed: 40 },
      { companies: 60, slots: 8, requests: 300, skew: false, seed: 4, tables: 12 },
      { companies: 60, slots: 8, requests: 300, skew: true, seed: 5, tables: 6, fixed: 30 },
      { companies: 150, slots: 12, requests: 900, skew: false, seed: 6, fixed: 60 },
    ];
    for (const options of cases) {
      const problem = syntheticProblem(options);
      const result = solveSchedule(problem);
      expect(checkSchedule(problem, result)).toEqual([]);
      expect(result.placedByTier.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(result.meetings.length).toBe(result.placedByTier.reduce((a, b) => a + b, 0));
      expect(result.unplaced.length).toBe(
        result.requestedByTier[0] +
          result.requestedByTier[1] +
          result.requestedByTier[2] -
          result.placedByTier[0] -
          result.placedByTier[1] -
          result.placedByTier[2],
      );
    }
  });

  it('places every tier-0 pair of a roomy instance and more requests than fillers', () => {
    const problem = syntheticProblem({
      companies: 100,
      slots: 12,
      requests: 250,
      skew: false,
      seed: 7,
    });
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.placedByTier[0]).toBe(result.requestedByTier[0]);
  });

  it('finds the optimum of tiny instances', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const problem = syntheticProblem({
        companies: 5 + (seed % 2),
        slots: 2 + (seed % 3 === 0 ? 1 : 0),
        requests: 5,
        fillers: seed % 3 === 0 ? 1 : 2,
        skew: seed % 2 === 0,
        seed,
        fixed: seed % 5 === 0 ? 1 : 0,
      });
      for (const company of problem.companies) company.maxMeetings = 1 + (seed % 2);
      const result = solveSchedule(problem, { seed });
      expect(checkSchedule(problem, result)).toEqual([]);
      expect(objective(problem, result)).toEqual(bruteForce(problem));
    }
  });

  it('keeps fixed meetings where they are and counts them against every limit', () => {
    // Companies 0-3, two slots. 0 and 1 meet in slot 0 (fixed); 0 may have two meetings.
    const problem: ScheduleProblem = {
      slots: 2,
      tables: 2,
      companies: [
        { available: [true, true], maxMeetings: 2 },
        { available: [true, true], maxMeetings: 1 },
        { available: [true, true], maxMeetings: 5 },
        { available: [true, true], maxMeetings: 5 },
        { available: [true, true], maxMeetings: 5 },
        { available: [true, true], maxMeetings: 5 },
      ],
      pairs: [
        pair(0, 2, 0), // 0 is free in slot 1 only
        pair(1, 5, 0), // 1 is at its maximum with the fixed meeting
        pair(2, 3, 1), // 3 is free in slot 0 only
        pair(4, 5, 2), // 4 is free in slot 0 only
      ],
      fixed: [
        { a: 0, b: 1, slot: 0 },
        { a: 3, b: 4, slot: 1 },
      ],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.meetings).toContainEqual({ pair: 0, slot: 1 });
    expect(reasonOf(result, 1)).toBe('max-meetings');
    // Each slot has one table left besides the fixed meeting: 2-3 (tier 1) wins slot 0.
    expect(result.meetings).toContainEqual({ pair: 2, slot: 0 });
    expect(reasonOf(result, 3)).toBe('tables-full');
    expect(result.placedByTier).toEqual([1, 1, 0, 0]);
    expect(result.meetings).toHaveLength(2);
  });

  it('drops two tier-2 meetings to place one tier-0 pair', () => {
    // One slot; 0-1 (tier 0, no score) conflicts with 0-2 and 1-3 (tier 2, best scores).
    const problem: ScheduleProblem = {
      slots: 1,
      tables: null,
      companies: companies(4, 1),
      pairs: [pair(0, 2, 2, 100), pair(1, 3, 2, 100), pair(0, 1, 0, 0)],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(result.meetings).toEqual([{ pair: 2, slot: 0 }]);
    expect(result.placedByTier).toEqual([1, 0, 0, 0]);
    expect(result.unplaced.map((u) => u.reason)).toEqual(['slots-taken', 'slots-taken']);
  });

  it('prefers one pair of a tier to any number of lower-tier pairs', () => {
    // Company 0 may have one meeting: a tier-1 pair or many others.
    const problem: ScheduleProblem = {
      slots: 4,
      tables: null,
      companies: [{ available: [true, true, true, true], maxMeetings: 1 }, ...companies(8, 4)],
      pairs: [
        pair(0, 1, 2, 100),
        pair(0, 2, 2, 100),
        pair(0, 3, 1, 0),
        pair(0, 4, 3, 100),
        pair(0, 5, 3, 100),
      ],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(result.meetings.map((m) => m.pair)).toEqual([2]);
    expect(reasonOf(result, 0)).toBe('max-meetings');
  });

  it('moves a placed meeting to make room for another', () => {
    // 0-1 goes first to the slot where most companies are free (0); 0-2 can only meet there.
    const problem: ScheduleProblem = {
      slots: 2,
      tables: null,
      companies: [
        { available: [true, true], maxMeetings: 5 },
        { available: [true, true], maxMeetings: 5 },
        { available: [true, false], maxMeetings: 5 },
      ],
      pairs: [pair(0, 1, 0), pair(0, 2, 1)],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(result.meetings).toEqual([
      { pair: 0, slot: 1 },
      { pair: 1, slot: 0 },
    ]);
  });

  it('gives the most telling reason for unplaced pairs', () => {
    const problem: ScheduleProblem = {
      slots: 2,
      tables: 1,
      companies: [
        { available: [true, false], maxMeetings: 5 }, // 0
        { available: [false, true], maxMeetings: 5 }, // 1
        { available: [true, true], maxMeetings: 0 }, // 2
        { available: [true, true], maxMeetings: 5 }, // 3
        { available: [true, true], maxMeetings: 5 }, // 4
        { available: [true, true], maxMeetings: 5 }, // 5
        { available: [true, true], maxMeetings: 5 }, // 6
        { available: [false, true], maxMeetings: 5 }, // 7
      ],
      pairs: [
        pair(0, 1, 0), // never free together
        pair(2, 3, 0), // 2 may not meet at all
        pair(3, 4, 0), // placed
        pair(5, 6, 1), // both slots have their one table taken
        pair(6, 7, 0), // placed (slot 1)
      ],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(reasonOf(result, 0)).toBe('no-common-slot');
    expect(reasonOf(result, 1)).toBe('max-meetings');
    expect(reasonOf(result, 3)).toBe('tables-full');
    expect(placed(result, 2) && placed(result, 4)).toBe(true);
  });

  it('says no-common-slot when fixed meetings take the only common slots', () => {
    const problem: ScheduleProblem = {
      slots: 2,
      tables: null,
      companies: [
        { available: [true, false], maxMeetings: 5 },
        { available: [true, false], maxMeetings: 5 },
        { available: [true, true], maxMeetings: 5 },
      ],
      pairs: [pair(0, 1, 2)],
      fixed: [{ a: 0, b: 2, slot: 0 }],
    };
    const result = solveSchedule(problem);
    expect(result.unplaced).toEqual([{ pair: 0, reason: 'no-common-slot' }]);
  });

  it('says slots-taken when other meetings hold the common slots', () => {
    const problem: ScheduleProblem = {
      slots: 1,
      tables: null,
      companies: companies(3, 1),
      pairs: [pair(0, 1, 0), pair(0, 2, 1)],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(result.meetings).toEqual([{ pair: 0, slot: 0 }]);
    expect(result.unplaced).toEqual([{ pair: 1, reason: 'slots-taken' }]);
  });

  it('never schedules a pair twice, nor a pair that already meets', () => {
    const problem: ScheduleProblem = {
      slots: 3,
      tables: null,
      companies: companies(3, 3),
      pairs: [pair(0, 1, 2), pair(1, 0, 1), pair(1, 2, 0), pair(0, 0, 0)],
      fixed: [{ a: 2, b: 1, slot: 0 }],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.meetings.map((m) => m.pair)).toEqual([1]);
    expect(result.unplaced.map((u) => u.pair).sort()).toEqual([0, 2, 3]);
  });

  it('is deterministic for a given seed', () => {
    const problem = syntheticProblem({
      companies: 120,
      slots: 10,
      requests: 700,
      skew: true,
      seed: 11,
      fixed: 20,
    });
    // A budget the search never reaches: it ends when no move improves.
    const first = solveSchedule(problem, {
      seed: 5,
      timeBudgetMs: 600_000,
      breakBudgetMs: 600_000,
    });
    const second = solveSchedule(problem, {
      seed: 5,
      timeBudgetMs: 600_000,
      breakBudgetMs: 600_000,
    });
    expect(second).toEqual(first);
    expect(
      syntheticProblem({ companies: 30, slots: 4, requests: 50, skew: true, seed: 3 }),
    ).toEqual(syntheticProblem({ companies: 30, slots: 4, requests: 50, skew: true, seed: 3 }));
  });

  it('handles empty problems', () => {
    const empty = solveSchedule({ slots: 0, tables: null, companies: [], pairs: [], fixed: [] });
    expect(empty).toEqual({
      meetings: [],
      unplaced: [],
      placedByTier: [0, 0, 0, 0],
      requestedByTier: [0, 0, 0, 0],
      breaks: [],
      idleSlots: [],
      totalBreaks: 0,
      breakSpread: 0,
    });
    const noSlots: ScheduleProblem = {
      slots: 0,
      tables: null,
      companies: companies(2, 0),
      pairs: [pair(0, 1, 1), pair(0, 1, 3)],
      fixed: [],
    };
    expect(solveSchedule(noSlots)).toEqual({
      meetings: [],
      unplaced: [{ pair: 0, reason: 'no-common-slot' }],
      placedByTier: [0, 0, 0, 0],
      requestedByTier: [0, 1, 0, 1],
      breaks: [0, 0],
      idleSlots: [0, 0],
      totalBreaks: 0,
      breakSpread: 0,
    });
    const noTables: ScheduleProblem = {
      slots: 2,
      tables: 0,
      companies: companies(2, 2),
      pairs: [pair(0, 1, 0)],
      fixed: [],
    };
    expect(solveSchedule(noTables).unplaced).toEqual([{ pair: 0, reason: 'tables-full' }]);
    const small = syntheticProblem({ companies: 1, slots: 3, requests: 10, skew: false, seed: 1 });
    expect(small.pairs).toEqual([]);
    expect(solveSchedule(small).meetings).toEqual([]);
  });
});

describe('solveSchedule: windows and breaks', () => {
  /** Companies free only in the given slots. */
  const freeIn = (slots: number, free: number[], maxMeetings = 10) => ({
    available: Array.from({ length: slots }, (_, s) => free.includes(s)),
    maxMeetings,
  });

  it('places a pair only inside its window', () => {
    const problem: ScheduleProblem = {
      slots: 6,
      tables: null,
      companies: companies(3, 6),
      pairs: [
        { ...pair(0, 1, 1), slots: [4, 5] },
        { ...pair(0, 2, 1), slots: [5] },
        { ...pair(1, 2, 1), slots: [] },
      ],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.meetings).toEqual(
      expect.arrayContaining([
        { pair: 0, slot: 4 },
        { pair: 1, slot: 5 },
      ]),
    );
    expect(reasonOf(result, 2)).toBe('no-common-slot');
  });

  it('gives each firm a day without gaps when one exists', () => {
    // Firm 0 meets 1..4 in 8 slots, firms 1..4 also meet each other: a careless order leaves gaps.
    const problem: ScheduleProblem = {
      slots: 8,
      tables: null,
      companies: companies(6, 8),
      pairs: [
        pair(0, 1, 1),
        pair(0, 2, 1),
        pair(0, 3, 1),
        pair(0, 4, 1),
        pair(1, 2, 1),
        pair(3, 4, 1),
        pair(1, 5, 1),
        pair(4, 5, 1),
      ],
      fixed: [{ a: 2, b: 5, slot: 7 }],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.placedByTier[1]).toBe(8);
    expect(result.totalBreaks).toBe(0);
    expect(result.breaks).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('never lets a filler add a break, and fills a gap or extends a day with one', () => {
    const problem: ScheduleProblem = {
      slots: 5,
      tables: null,
      companies: [
        freeIn(5, [0, 1, 2, 3, 4]),
        freeIn(5, [0]),
        freeIn(5, [1]),
        freeIn(5, [4]), // a filler with firm 0 here would leave slots 2-3 idle
        freeIn(5, [2, 3]), // one here extends firm 0's day
      ],
      pairs: [pair(0, 1, 1), pair(0, 2, 1), pair(0, 3, 3, 100), pair(0, 4, 3, 10)],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(placed(result, 2)).toBe(false);
    expect(result.meetings).toEqual(expect.arrayContaining([{ pair: 3, slot: 2 }]));
    expect(result.totalBreaks).toBe(0);
  });

  it('counts breaks and idle slots with pinned meetings', () => {
    const problem: ScheduleProblem = {
      slots: 6,
      tables: null,
      companies: [freeIn(6, [0, 1, 2, 3, 4, 5]), freeIn(6, [0, 5]), freeIn(6, [3])],
      pairs: [pair(0, 2, 1)],
      fixed: [{ a: 0, b: 1, slot: 0 }],
    };
    const result = solveSchedule(problem);
    // Firm 0: pinned in slot 0, firm 2 free only in slot 3: one break of two idle slots.
    expect(result.meetings).toEqual([{ pair: 0, slot: 3 }]);
    expect(result.breaks).toEqual([1, 0, 0]);
    expect(result.idleSlots).toEqual([2, 0, 0]);
    expect(result.totalBreaks).toBe(1);
    expect(result.breakSpread).toBe(1);
  });

  it('reaches the planted optimum of a brokerage event: every meeting, no firm with a gap', () => {
    // 60 firms, 220 meetings in 14 slots at 20 tables, 10 % of slots forbidden, windows.
    const { problem } = plantedProblem({
      firms: 60,
      meetings: 220,
      slots: 14,
      tables: 20,
      forbiddenShare: 0.1,
      windowShare: 0.2,
      seed: 1,
    });
    const result = solveSchedule(problem, { breakBudgetMs: 20_000 });
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.meetings).toHaveLength(220);
    expect(result.totalBreaks).toBe(0);
  });
});

describe('checkSchedule', () => {
  const problem: ScheduleProblem = {
    slots: 2,
    tables: 1,
    companies: [
      { available: [true, true], maxMeetings: 1 },
      { available: [true, false], maxMeetings: 5 },
      { available: [true, true], maxMeetings: 5 },
    ],
    pairs: [pair(0, 1, 0), pair(0, 2, 1), pair(1, 2, 2)],
    fixed: [],
  };

  it('accepts a valid schedule', () => {
    const result: ScheduleResult = withGaps(problem, {
      meetings: [{ pair: 0, slot: 0 }],
      unplaced: [
        { pair: 1, reason: 'max-meetings' },
        { pair: 2, reason: 'slots-taken' },
      ],
      placedByTier: [1, 0, 0, 0],
      requestedByTier: [1, 1, 1, 0],
    });
    expect(checkSchedule(problem, result)).toEqual([]);
  });

  it('reports every broken constraint', () => {
    const result: ScheduleResult = withGaps(problem, {
      meetings: [
        { pair: 0, slot: 0 },
        { pair: 1, slot: 0 }, // company 0 twice in slot 0, over its maximum, 2 tables
        { pair: 2, slot: 1 }, // company 1 not available
      ],
      unplaced: [],
      placedByTier: [1, 1, 1, 0],
      requestedByTier: [1, 1, 1, 0],
    });
    const errors = checkSchedule(problem, result);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('company 0 has 2 meetings in slot 0'),
        expect.stringContaining('company 0 has 2 meetings, more than 1'),
        expect.stringContaining('slot 0 has 2 meetings, more than 1 tables'),
        expect.stringContaining('company 1 is not available in slot 1'),
      ]),
    );
  });

  it('reports a pair met twice and inconsistent counts', () => {
    const result: ScheduleResult = withGaps(problem, {
      meetings: [{ pair: 0, slot: 1 }],
      unplaced: [],
      placedByTier: [0, 0, 0, 0],
      requestedByTier: [1, 1, 1, 0],
    });
    const withFixed = { ...problem, fixed: [{ a: 1, b: 0, slot: 0 }] };
    const errors = checkSchedule(withFixed, result);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('meet more than once'),
        expect.stringContaining('placedByTier[0]'),
        expect.stringContaining('pair 1 (tier 1) neither placed nor listed'),
      ]),
    );
  });
});

describe('meeting preferences', () => {
  it('never places a filler either firm marked not-interested, even with room to spare', () => {
    const problem: ScheduleProblem = {
      slots: 3,
      tables: null,
      companies: companies(3, 3),
      pairs: [
        { ...pair(0, 1, 3, 95), preference: 'not-interested' },
        pair(0, 2, 3, 10),
        { ...pair(1, 2, 3, 90), preference: 'must-meet' },
      ],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(placed(result, 0)).toBe(false);
    expect(placed(result, 1)).toBe(true);
    expect(placed(result, 2)).toBe(true);
  });

  it('still places a request marked not-interested: the request wins', () => {
    const problem: ScheduleProblem = {
      slots: 1,
      tables: null,
      companies: companies(2, 1),
      pairs: [{ ...pair(0, 1, 1, 20), preference: 'not-interested' }],
      fixed: [],
    };
    const result = solveSchedule(problem);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(placed(result, 0)).toBe(true);
  });

  it('places a must-meet filler before better-scored unmarked ones', () => {
    // Company 0 has room for one meeting: the must-meet pair with the lowest score takes it.
    const problem: ScheduleProblem = {
      slots: 3,
      tables: null,
      companies: [{ available: [true, true, true], maxMeetings: 1 }, ...companies(3, 3)],
      pairs: [
        pair(0, 1, 3, 99),
        { ...pair(0, 2, 3, 5), preference: 'must-meet' },
        pair(0, 3, 3, 98),
      ],
      fixed: [],
    };
    for (const seed of [1, 2, 3]) {
      const result = solveSchedule(problem, { seed });
      expect(checkSchedule(problem, result)).toEqual([]);
      expect(result.meetings.map((m) => m.pair)).toEqual([1]);
    }
  });

  it('ranks must-meet fillers among themselves by score', () => {
    const problem: ScheduleProblem = {
      slots: 1,
      tables: 1,
      companies: companies(4, 1),
      pairs: [
        { ...pair(0, 1, 3, 40), preference: 'must-meet' },
        { ...pair(2, 3, 3, 60), preference: 'must-meet' },
      ],
      fixed: [],
    };
    expect(solveSchedule(problem).meetings.map((m) => m.pair)).toEqual([1]);
  });

  it('reports a placed filler marked not-interested', () => {
    const problem: ScheduleProblem = {
      slots: 1,
      tables: null,
      companies: companies(2, 1),
      pairs: [{ ...pair(0, 1, 3, 50), preference: 'not-interested' }],
      fixed: [],
    };
    const result: ScheduleResult = withGaps(problem, {
      meetings: [{ pair: 0, slot: 0 }],
      unplaced: [],
      placedByTier: [0, 0, 0, 1],
      requestedByTier: [0, 0, 0, 1],
    });
    expect(checkSchedule(problem, result)).toEqual([
      expect.stringContaining('marked it not-interested'),
    ]);
  });
});

describe('defaultTimeBudgetMs', () => {
  it('grows with the instance between a quarter of a second and two seconds', () => {
    expect(defaultTimeBudgetMs(0)).toBe(250);
    expect(defaultTimeBudgetMs(4500)).toBeCloseTo(281.25);
    expect(defaultTimeBudgetMs(15000)).toBeCloseTo(937.5);
    expect(defaultTimeBudgetMs(1_000_000)).toBe(2000);
  });
});
