import type { ScheduleProblem, PlacedMeeting } from './schedule-types';

/** A firm's day: breaks (gaps between consecutive meetings, each counted once) and idle slots. */
export interface DayGaps {
  breaks: number;
  idleSlots: number;
}

/**
 * The gaps in one firm's day from the slot indices of its meetings (any order, duplicates
 * ignored): slots 2, 3, 6, 9 have two breaks and 4 idle slots (4, 5, 7, 8).
 */
export function dayGaps(slotIndices: readonly number[]): DayGaps {
  const sorted = [...new Set(slotIndices)].sort((x, y) => x - y);
  let breaks = 0;
  let idleSlots = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i] - sorted[i - 1] - 1;
    if (gap > 0) {
      breaks++;
      idleSlots += gap;
    }
  }
  return { breaks, idleSlots };
}

export interface ScheduleGaps {
  breaks: number[];
  idleSlots: number[];
  totalBreaks: number;
  breakSpread: number;
}

/** Most breaks less fewest, over the days with at least one meeting (0 when there are none). */
export function breakSpread(breaks: ArrayLike<number>, meetings: ArrayLike<number>): number {
  let most = -Infinity;
  let fewest = Infinity;
  for (let c = 0; c < breaks.length; c++) {
    if (meetings[c] === 0) continue;
    most = Math.max(most, breaks[c]);
    fewest = Math.min(fewest, breaks[c]);
  }
  return most === -Infinity ? 0 : most - fewest;
}

/** Breaks and idle slots of every company of a problem, its fixed meetings and the new ones. */
export function scheduleGaps(
  problem: ScheduleProblem,
  meetings: readonly PlacedMeeting[],
): ScheduleGaps {
  const n = problem.companies.length;
  const days: number[][] = Array.from({ length: n }, () => []);
  const add = (c: number, slot: number): void => {
    if (Number.isInteger(c) && c >= 0 && c < n && Number.isInteger(slot)) days[c].push(slot);
  };
  for (const { a, b, slot } of problem.fixed) {
    add(a, slot);
    add(b, slot);
  }
  for (const { pair, slot } of meetings) {
    const p = problem.pairs[pair];
    if (p === undefined) continue;
    add(p.a, slot);
    add(p.b, slot);
  }
  const gaps = days.map(dayGaps);
  const breaks = gaps.map((g) => g.breaks);
  return {
    breaks,
    idleSlots: gaps.map((g) => g.idleSlots),
    totalBreaks: breaks.reduce((sum, x) => sum + x, 0),
    breakSpread: breakSpread(
      breaks,
      days.map((d) => d.length),
    ),
  };
}
