import { scheduleGaps } from './breaks';
import type { ScheduleProblem, ScheduleResult } from './schedule-types';

/**
 * Every violation of a hard constraint by a schedule's new meetings (fixed meetings are taken as
 * given: a limit they alone exceed is not reported), and every inconsistency of the result's
 * counts and unplaced list. An empty list means the schedule is valid.
 */
export function checkSchedule(problem: ScheduleProblem, result: ScheduleResult): string[] {
  const errors: string[] = [];
  const { slots: S, companies, pairs } = problem;
  const n = companies.length;
  const isCompany = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < n;
  const isSlot = (s: number): boolean => Number.isInteger(s) && s >= 0 && s < S;
  const key = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

  // Fixed meetings: taken as they are.
  const busy = new Map<string, number>(); // "company:slot" -> meetings there
  const total = new Int32Array(n);
  const perSlot = new Int32Array(Math.max(0, S));
  const met = new Set<string>();
  for (const f of problem.fixed) {
    if (!isCompany(f.a) || !isCompany(f.b) || f.a === f.b || !isSlot(f.slot)) continue;
    for (const c of [f.a, f.b]) {
      busy.set(`${c}:${f.slot}`, (busy.get(`${c}:${f.slot}`) ?? 0) + 1);
      total[c]++;
    }
    perSlot[f.slot]++;
    met.add(key(f.a, f.b));
  }

  const placed = new Set<number>();
  const withNew = new Set<number>();
  const slotsWithNew = new Set<number>();
  const placedByTier = [0, 0, 0, 0];
  for (const { pair: p, slot } of result.meetings) {
    const pair = Number.isInteger(p) ? pairs[p] : undefined;
    if (pair === undefined) {
      errors.push(`meeting for unknown pair ${p}`);
      continue;
    }
    if (!isSlot(slot)) {
      errors.push(`pair ${p} in unknown slot ${slot}`);
      continue;
    }
    const { a, b } = pair;
    if (!isCompany(a) || !isCompany(b) || a === b) {
      errors.push(`pair ${p} has invalid companies ${a}, ${b}`);
      continue;
    }
    if (placed.has(p)) {
      errors.push(`pair ${p} placed twice`);
      continue;
    }
    placed.add(p);
    placedByTier[pair.tier]++;
    if (pair.tier === 3 && pair.preference === 'not-interested') {
      errors.push(`pair ${p} is placed though a firm marked it not-interested`);
    }
    if (pair.slots !== undefined && !pair.slots.includes(slot)) {
      errors.push(`pair ${p} is placed in slot ${slot}, outside its window`);
    }
    if (met.has(key(a, b))) errors.push(`companies ${a} and ${b} meet more than once (pair ${p})`);
    met.add(key(a, b));
    for (const c of [a, b]) {
      if (companies[c].available[slot] !== true) {
        errors.push(`company ${c} is not available in slot ${slot} (pair ${p})`);
      }
      const k = `${c}:${slot}`;
      const count = (busy.get(k) ?? 0) + 1;
      busy.set(k, count);
      if (count > 1) errors.push(`company ${c} has ${count} meetings in slot ${slot}`);
      total[c]++;
      withNew.add(c);
    }
    perSlot[slot]++;
    slotsWithNew.add(slot);
  }
  for (const c of withNew) {
    if (total[c] > companies[c].maxMeetings) {
      errors.push(`company ${c} has ${total[c]} meetings, more than ${companies[c].maxMeetings}`);
    }
  }
  if (problem.tables !== null) {
    for (const s of slotsWithNew) {
      if (perSlot[s] > problem.tables) {
        errors.push(`slot ${s} has ${perSlot[s]} meetings, more than ${problem.tables} tables`);
      }
    }
  }

  const requestedByTier = [0, 0, 0, 0];
  for (const pair of pairs) requestedByTier[pair.tier]++;
  for (let t = 0; t < 4; t++) {
    if (result.placedByTier[t] !== placedByTier[t]) {
      errors.push(`placedByTier[${t}] is ${result.placedByTier[t]}, counted ${placedByTier[t]}`);
    }
    if (result.requestedByTier[t] !== requestedByTier[t]) {
      errors.push(
        `requestedByTier[${t}] is ${result.requestedByTier[t]}, counted ${requestedByTier[t]}`,
      );
    }
  }
  const listed = new Set<number>();
  for (const { pair: p } of result.unplaced) {
    if (listed.has(p)) errors.push(`pair ${p} listed twice as unplaced`);
    listed.add(p);
    if (placed.has(p)) errors.push(`pair ${p} is both placed and unplaced`);
    if (pairs[p] === undefined || pairs[p].tier > 2) errors.push(`pair ${p} unplaced but not 0-2`);
  }
  pairs.forEach((pair, p) => {
    if (pair.tier <= 2 && !placed.has(p) && !listed.has(p)) {
      errors.push(`pair ${p} (tier ${pair.tier}) neither placed nor listed as unplaced`);
    }
  });

  // The day's gaps, recounted from the agendas.
  const gaps = scheduleGaps(problem, result.meetings);
  for (let c = 0; c < n; c++) {
    if (result.breaks?.[c] !== gaps.breaks[c]) {
      errors.push(`company ${c} has ${gaps.breaks[c]} breaks, reported ${result.breaks?.[c]}`);
    }
    if (result.idleSlots?.[c] !== gaps.idleSlots[c]) {
      errors.push(
        `company ${c} has ${gaps.idleSlots[c]} idle slots, reported ${result.idleSlots?.[c]}`,
      );
    }
  }
  if (result.totalBreaks !== gaps.totalBreaks) {
    errors.push(`totalBreaks is ${result.totalBreaks}, counted ${gaps.totalBreaks}`);
  }
  if (result.breakSpread !== gaps.breakSpread) {
    errors.push(`breakSpread is ${result.breakSpread}, counted ${gaps.breakSpread}`);
  }
  return errors;
}
