import { scheduleGaps } from './breaks';
import { checkSchedule } from './check-schedule';
import { plantedProblem, type PlantedOptions } from './planted-problems';
import { random } from './random';
import type { PlacedMeeting, ScheduleProblem, ScheduleResult } from './schedule-types';

/** The planted schedule as a solver's result, with its counts and gaps. */
function asResult(problem: ScheduleProblem, planted: PlacedMeeting[]): ScheduleResult {
  const placedByTier: [number, number, number, number] = [0, 0, 0, 0];
  for (const { pair } of planted) placedByTier[problem.pairs[pair].tier]++;
  const requestedByTier: [number, number, number, number] = [0, 0, 0, 0];
  for (const pair of problem.pairs) requestedByTier[pair.tier]++;
  const placed = new Set(planted.map((m) => m.pair));
  return {
    meetings: planted,
    unplaced: problem.pairs.flatMap((pair, p) =>
      pair.tier <= 2 && !placed.has(p) ? [{ pair: p, reason: 'slots-taken' as const }] : [],
    ),
    placedByTier,
    requestedByTier,
    ...scheduleGaps(problem, planted),
  };
}

const options = (
  firms: number,
  meetings: number,
  slots: number,
  tables: number,
  seed: number,
  forbiddenShare = 0.08,
): PlantedOptions => ({
  firms,
  meetings,
  slots,
  tables,
  forbiddenShare,
  windowShare: 0.2,
  seed,
});

/** Real event sizes (Bofill et al.): 40-80 firms, 125-302 meetings, 8-22 slots, 12-27 tables. */
const realSizes: [number, number, number, number][] = [
  [40, 125, 8, 16],
  [45, 140, 12, 12],
  [50, 180, 12, 16],
  [60, 220, 14, 20],
  [70, 260, 18, 22],
  [80, 302, 22, 27],
  [80, 280, 20, 14],
];

function expectPlantedOptimum(o: PlantedOptions): void {
  const { problem, planted } = plantedProblem(o);
  const result = asResult(problem, planted);
  expect(checkSchedule(problem, result)).toEqual([]);
  expect(result.totalBreaks).toBe(0);
  expect(result.unplaced).toEqual([]);

  // Sizes: exactly the meetings asked for, all accepted requests; every firm meets twice or more.
  expect(problem.companies).toHaveLength(o.firms);
  expect(problem.slots).toBe(o.slots);
  expect(problem.tables).toBe(o.tables);
  expect(problem.fixed).toEqual([]);
  expect(problem.pairs).toHaveLength(o.meetings);
  expect(planted).toHaveLength(o.meetings);
  expect(problem.pairs.every((pair) => pair.tier === 1)).toBe(true);
  const days: number[][] = problem.companies.map(() => []);
  for (const { pair, slot } of planted) {
    days[problem.pairs[pair].a].push(slot);
    days[problem.pairs[pair].b].push(slot);
  }
  days.forEach((day, c) => {
    expect(day.length).toBeGreaterThanOrEqual(2);
    // Contiguous: as many slots as from its first to its last.
    expect(Math.max(...day) - Math.min(...day) + 1).toBe(day.length);
    expect(problem.companies[c].maxMeetings).toBeGreaterThanOrEqual(day.length);
    expect(problem.companies[c].maxMeetings).toBeLessThanOrEqual(day.length + 1);
    for (const slot of day) expect(problem.companies[c].available[slot]).toBe(true);
  });

  // Tables: never exceeded, and full in some slot.
  const perSlot = new Array<number>(o.slots).fill(0);
  for (const { slot } of planted) perSlot[slot]++;
  expect(Math.max(...perSlot)).toBe(Math.min(o.tables, Math.floor(o.firms / 2)));

  // Windows: the given share, each the half of the session holding the planted slot.
  const morning = Math.ceil(o.slots / 2);
  const windowed = planted.filter(({ pair }) => problem.pairs[pair].slots !== undefined);
  expect(windowed).toHaveLength(Math.round(o.windowShare * o.meetings));
  for (const { pair, slot } of windowed) {
    const half = slot < morning ? [0, morning] : [morning, o.slots];
    expect(problem.pairs[pair].slots).toEqual(
      Array.from({ length: half[1] - half[0] }, (_, i) => half[0] + i),
    );
  }

  // Forbidden slots: the share asked for.
  const forbidden = problem.companies.reduce(
    (sum, company) => sum + company.available.filter((free) => !free).length,
    0,
  );
  expect(forbidden / (o.firms * o.slots)).toBeGreaterThan(o.forbiddenShare - 0.01);
  expect(forbidden / (o.firms * o.slots)).toBeLessThan(o.forbiddenShare + 0.01);
}

describe('plantedProblem', () => {
  it.each(realSizes)(
    'plants a complete schedule without breaks for %i firms, %i meetings, %i slots, %i tables',
    (firms, meetings, slots, tables) => {
      for (let seed = 1; seed <= 3; seed++) {
        expectPlantedOptimum(
          options(firms, meetings, slots, tables, seed, 0.05 + 0.03 * (seed - 1)),
        );
      }
    },
  );

  it('plants one at 10 times the size (800 firms, 3,000 meetings)', () => {
    expectPlantedOptimum(options(800, 3000, 22, 270, 7, 0.1));
  });

  it('plants random sizes within the real ranges, down to few firms spread over many slots', () => {
    const rand = random(2026);
    const int = (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));
    let planted = 0;
    while (planted < 12) {
      const [firms, meetings, slots, tables] = [
        int(40, 80),
        int(125, 302),
        int(8, 22),
        int(12, 27),
      ];
      if (meetings < firms || meetings > slots * Math.min(tables, Math.floor(firms / 2))) continue;
      const o = options(firms, meetings, slots, tables, planted, 0.05 + 0.07 * rand());
      const { problem, planted: schedule } = plantedProblem(o);
      const result = asResult(problem, schedule);
      expect(checkSchedule(problem, result)).toEqual([]);
      expect(result.totalBreaks).toBe(0);
      expect(problem.pairs).toHaveLength(meetings);
      planted++;
    }
  });

  it('gives runs of varied lengths and hides the planted order', () => {
    const { problem, planted } = plantedProblem(options(80, 302, 22, 27, 5));
    const lengths = new Set(problem.companies.map((company) => company.maxMeetings));
    expect(lengths.size).toBeGreaterThanOrEqual(8);
    const slots = planted.map((m) => m.slot);
    expect(slots).not.toEqual([...slots].sort((x, y) => x - y));
    expect(planted.map((m) => m.pair)).toEqual(planted.map((_, i) => i));
    // The firms' numbers do not follow their first slots either.
    const first = problem.companies.map(() => Infinity);
    for (const { pair, slot } of planted) {
      for (const c of [problem.pairs[pair].a, problem.pairs[pair].b]) {
        first[c] = Math.min(first[c], slot);
      }
    }
    expect(first).not.toEqual([...first].sort((x, y) => x - y));
  });

  it('is deterministic per seed', () => {
    const a = plantedProblem(options(60, 220, 14, 20, 11));
    expect(plantedProblem(options(60, 220, 14, 20, 11))).toEqual(a);
    expect(plantedProblem(options(60, 220, 14, 20, 12))).not.toEqual(a);
  });

  it('refuses sizes that cannot be planted', () => {
    // 125 meetings need more than 8 slots of 12 tables.
    expect(() => plantedProblem(options(40, 125, 8, 12, 1))).toThrow(RangeError);
    // Fewer meetings than firms: some firm would meet once.
    expect(() => plantedProblem(options(40, 30, 8, 12, 1))).toThrow(RangeError);
    expect(() => plantedProblem(options(40, 60, 1, 60, 1))).toThrow(RangeError);
    expect(() => plantedProblem({ ...options(40, 125, 8, 16, 1), windowShare: 2 })).toThrow(
      RangeError,
    );
  });
});
