import fc from 'fast-check';
import { checkSchedule } from './check-schedule';
import type { ScheduleProblem, Tier } from './schedule-types';
import { solveSchedule } from './solve-schedule';

/** Any small problem: availability, limits, tables, candidate pairs of every tier, fixed meetings. */
const problems: fc.Arbitrary<ScheduleProblem> = fc
  .record({ companies: fc.integer({ min: 0, max: 14 }), slots: fc.integer({ min: 1, max: 6 }) })
  .chain(({ companies, slots }) =>
    fc.record({
      slots: fc.constant(slots),
      tables: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      companies: fc.array(
        fc.record({
          available: fc.array(
            fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
            {
              minLength: slots,
              maxLength: slots,
            },
          ),
          maxMeetings: fc.integer({ min: 0, max: slots }),
        }),
        { minLength: companies, maxLength: companies },
      ),
      pairs:
        companies < 2
          ? fc.constant([])
          : fc.array(
              fc
                .record({
                  a: fc.integer({ min: 0, max: companies - 1 }),
                  b: fc.integer({ min: 0, max: companies - 1 }),
                  tier: fc.constantFrom<Tier>(0, 1, 2, 3),
                  score: fc.integer({ min: 0, max: 100 }),
                  // A window: some of the slots (possibly none), or absent.
                  slots: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: slots - 1 })), {
                    nil: undefined,
                    freq: 3,
                  }),
                })
                .filter((pair) => pair.a !== pair.b)
                .map(({ slots: window, ...pair }) =>
                  window === undefined ? pair : { ...pair, slots: window },
                ),
              { maxLength: 40 },
            ),
      // Pinned meetings (held, fixed by an organiser, already begun), possibly clashing.
      fixed:
        companies < 2
          ? fc.constant([])
          : fc.array(
              fc
                .record({
                  a: fc.integer({ min: 0, max: companies - 1 }),
                  b: fc.integer({ min: 0, max: companies - 1 }),
                  slot: fc.integer({ min: 0, max: slots - 1 }),
                })
                .filter((meeting) => meeting.a !== meeting.b),
              { maxLength: 4 },
            ),
    }),
  );

describe('solveSchedule (property-based)', () => {
  it('keeps windows, unavailable slots, tables, limits and pinned meetings, and counts breaks as the agendas show', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = solveSchedule(problem, { timeBudgetMs: 50, breakBudgetMs: 20 });
        expect(checkSchedule(problem, result)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('accounts for every requested pair: placed, or unplaced with a reason', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = solveSchedule(problem, { timeBudgetMs: 50, breakBudgetMs: 20 });
        const placed = new Set(result.meetings.map((meeting) => meeting.pair));
        const unplaced = new Set(result.unplaced.map((entry) => entry.pair));
        problem.pairs.forEach((pair, index) => {
          if (pair.tier === 3) return;
          const duplicate = problem.pairs.findIndex(
            (other) =>
              (other.a === pair.a && other.b === pair.b) ||
              (other.a === pair.b && other.b === pair.a),
          );
          if (duplicate !== index) return; // a pair given twice is counted once
          expect(placed.has(index) !== unplaced.has(index)).toBe(true);
        });
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
