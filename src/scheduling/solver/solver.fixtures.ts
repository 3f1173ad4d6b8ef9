import fc from 'fast-check';
import type { ScheduleProblem } from './schedule-types';

/* Shared by the solver's specs: small problems, a checker of hard constraints, brute force. */

/** Companies available in every slot unless told otherwise. */
export function companies(count: number, slots: number, maxMeetings = 10) {
  return Array.from({ length: count }, () => ({
    available: Array.from({ length: slots }, () => true),
    maxMeetings,
  }));
}

export function problemOf(
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

export const all = (problem: ScheduleProblem): number[] => problem.pairs.map((_, p) => p);

/** Every hard constraint broken by placing pairs[i] in slots[i] (fixed meetings taken as given). */
export function violations(
  problem: ScheduleProblem,
  pairs: number[],
  slots: ArrayLike<number>,
): string[] {
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

/** The firms whose meetings (fixed ones included) do not fill consecutive slots. */
export function firmsWithBreaks(
  problem: ScheduleProblem,
  pairs: number[],
  slots: ArrayLike<number>,
): number[] {
  const days = new Map<number, Set<number>>();
  const add = (c: number, s: number) => days.set(c, (days.get(c) ?? new Set()).add(s));
  for (const f of problem.fixed) {
    add(f.a, f.slot);
    add(f.b, f.slot);
  }
  pairs.forEach((p, i) => {
    add(problem.pairs[p].a, slots[i]);
    add(problem.pairs[p].b, slots[i]);
  });
  return [...days]
    .filter(([, day]) => Math.max(...day) - Math.min(...day) + 1 !== day.size)
    .map(([c]) => c);
}

/**
 * Every assignment of slots, tried in turn: whether one breaks no constraint (and, with
 * `gapFree`, leaves no firm a break).
 */
export function bruteForceFeasible(
  problem: ScheduleProblem,
  pairs: number[],
  gapFree = false,
): boolean {
  const slots = new Array<number>(pairs.length).fill(0);
  for (;;) {
    if (
      violations(problem, pairs, slots).length === 0 &&
      (!gapFree || firmsWithBreaks(problem, pairs, slots).length === 0)
    ) {
      return true;
    }
    let i = 0;
    while (i < slots.length && ++slots[i] === problem.slots) slots[i++] = 0;
    if (i === slots.length) return false;
  }
}

export const generous = (): { deadline: number } => ({ deadline: performance.now() + 10_000 });

/** Tiny problems: 3 to 7 firms, 2 to 4 slots, at most 6 distinct pairs and 2 fixed meetings. */
export const tinyProblems = fc
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
