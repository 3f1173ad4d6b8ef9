import type { DayState } from './compact-days';

/*
 * A schedule with no break at all for the placed meetings, by backtracking search (pure, no I/O).
 *
 * With no break, each firm's d meetings (fixed ones included) fill d consecutive slots: the firm
 * has a set of possible first slots (`starts`, a bit mask), and every meeting of it lies in the
 * slots those intervals cover. Placing a meeting in slot x keeps only the intervals through x.
 * A meeting's domain is then the slots both firms' intervals cover, free for both, inside its
 * window, available, and with a table left. Search: the meeting with the smallest domain first,
 * its slots in random order; after each placement, every other meeting of the two firms must keep
 * a slot, and each of the two firms must still be able to fill the slots all its intervals share.
 * Restarts with a growing node limit (randomised search has heavy tails) until the deadline.
 *
 * Slots are bits of a 32-bit integer, so sessions of more than 30 slots are not searched.
 */

const FREE = -1;
const FIXED = -3;
export const GAP_FREE_MAX_SLOTS = 30;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Slots covered by intervals of length d starting at the bits of `starts`. */
function cover(starts: number, d: number, all: number): number {
  let covered = 0;
  for (let k = 0; k < d; k++) covered |= starts << k;
  return covered & all;
}

export interface GapFreeOptions {
  deadline: number;
  random: () => number;
  /**
   * Firms whose days must end without a break (default: every firm with a meeting to move);
   * the others' meetings may land anywhere.
   */
  strict?: Uint8Array;
}

/**
 * Moves the placed meetings `movable` so that no firm has a break, if such a schedule is found
 * before the deadline (then true); otherwise leaves every meeting where it was (false).
 */
export function gapFreeSearch(
  state: DayState,
  movable: number[],
  options: GapFreeOptions,
): boolean {
  const { S, n, T, occ, pa, pb } = state;
  const M = movable.length;
  if (M === 0 || S > GAP_FREE_MAX_SLOTS) return false;
  const all = S === 32 ? 0xffffffff : (1 << S) - 1;
  const rand = options.random;

  // Static masks: where each firm may meet at all, and its meetings that stay (fixed ones and
  // placed ones not being moved).
  const moving = new Set(movable);
  const avail = new Int32Array(n);
  const fixedMask = new Int32Array(n);
  const degree = new Int32Array(n);
  const meetingsOf: number[][] = Array.from({ length: n }, () => []);
  for (let c = 0; c < n; c++) {
    for (let s = 0; s < S; s++) {
      const x = occ[c * S + s];
      if (x === FIXED || (x >= 0 && !moving.has(x))) {
        fixedMask[c] |= 1 << s;
        degree[c]++;
      } else if (x === FREE || x >= 0) {
        avail[c] |= 1 << s;
      }
    }
  }
  const staticDomain = new Int32Array(M);
  for (let i = 0; i < M; i++) {
    const p = movable[i];
    const a = pa[p];
    const b = pb[p];
    degree[a]++;
    degree[b]++;
    meetingsOf[a].push(i);
    meetingsOf[b].push(i);
    let mask = avail[a] & avail[b];
    for (let s = 0; s < S; s++) if (!state.ok(p, s)) mask &= ~(1 << s);
    staticDomain[i] = mask;
  }
  // Tables already taken by meetings that stay (fixed, and placed meetings not being moved).
  const baseTables = new Int32Array(S);
  for (let s = 0; s < S; s++) baseTables[s] = state.tab[s];
  for (const p of movable) baseTables[state.slotOf[p]]--;

  // Firms' possible first slots: every slot of the interval available or fixed, fixed ones inside.
  const startsInit = new Int32Array(n);
  const strict = options.strict;
  const loose = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const d = degree[c];
    if (d === 0) continue;
    if (strict !== undefined && !strict[c]) {
      // Any day: one "interval" covering every slot.
      loose[c] = 1;
      startsInit[c] = 1;
      continue;
    }
    let starts = 0;
    for (let lo = 0; lo + d <= S; lo++) {
      const span = (d === 32 ? 0xffffffff : (1 << d) - 1) << lo;
      if ((span & (avail[c] | fixedMask[c])) !== span) continue;
      if ((fixedMask[c] & span) !== fixedMask[c]) continue;
      starts |= 1 << lo;
    }
    if (starts === 0) return false; // no gap-free day for this firm
    startsInit[c] = starts;
  }

  // Search state, with a trail for undoing.
  const starts = new Int32Array(n);
  const cov = new Int32Array(n);
  const busy = new Int32Array(n);
  const tables = new Int32Array(S);
  const slot = new Int32Array(M);
  let full = 0;
  const trailFirm: number[] = [];
  const trailStarts: number[] = [];
  const trailCov: number[] = [];
  const trailBusy: number[] = [];

  const reset = (): void => {
    starts.set(startsInit);
    for (let c = 0; c < n; c++) {
      cov[c] = loose[c] ? all : cover(starts[c], degree[c], all);
      busy[c] = fixedMask[c];
    }
    tables.set(baseTables);
    full = 0;
    for (let s = 0; s < S; s++) if (tables[s] >= T) full |= 1 << s;
    slot.fill(-1);
    trailFirm.length = 0;
    trailStarts.length = 0;
    trailCov.length = 0;
    trailBusy.length = 0;
  };

  const domain = (i: number): number => {
    const p = movable[i];
    const a = pa[p];
    const b = pb[p];
    return staticDomain[i] & cov[a] & cov[b] & ~busy[a] & ~busy[b] & ~full;
  };

  const setFirm = (c: number, x: number): void => {
    trailFirm.push(c);
    trailStarts.push(starts[c]);
    trailCov.push(cov[c]);
    trailBusy.push(busy[c]);
    const d = degree[c];
    if (loose[c]) {
      busy[c] |= 1 << x;
      return;
    }
    // Intervals through x start in [x - d + 1, x].
    const lo = Math.max(0, x - d + 1);
    const through = ((1 << (x - lo + 1)) - 1) << lo;
    starts[c] &= through;
    cov[c] = cover(starts[c], d, all);
    busy[c] |= 1 << x;
  };

  /** Firm c can still fill its day: every unplaced meeting has a slot, the shared slots are reachable. */
  const firmHolds = (c: number): boolean => {
    if (starts[c] === 0) return false;
    let reachable = 0;
    let left = 0;
    for (const i of meetingsOf[c]) {
      if (slot[i] >= 0) continue;
      const d = domain(i);
      if (d === 0) return false;
      reachable |= d;
      left++;
    }
    if (popcount(reachable) < left) return false;
    if (loose[c]) return true;
    // Slots in every possible interval must be taken already or reachable.
    const first = 31 - Math.clz32(starts[c]);
    const lowest = 31 - Math.clz32(starts[c] & -starts[c]);
    const lastEnd = lowest + degree[c] - 1;
    if (first > lastEnd) return true;
    const shared = (((1 << (lastEnd - first + 1)) - 1) << first) & all;
    return (shared & ~busy[c] & ~reachable) === 0;
  };

  let nodes = 0;
  let nodeLimit = 0;
  const order = new Int32Array(S);

  const search = (placed: number): boolean | null => {
    if (placed === M) return true;
    if (++nodes > nodeLimit) return null;
    if ((nodes & 1023) === 0 && performance.now() > options.deadline) return null;
    // The unplaced meeting with the smallest domain (random among equals).
    let best = -1;
    let bestSize = 99;
    let ties = 0;
    for (let i = 0; i < M; i++) {
      if (slot[i] >= 0) continue;
      const size = popcount(domain(i));
      if (size === 0) return false;
      if (size < bestSize) {
        best = i;
        bestSize = size;
        ties = 1;
      } else if (size === bestSize && rand() * ++ties < 1) {
        best = i;
      }
    }
    const p = movable[best];
    const a = pa[p];
    const b = pb[p];
    let d = domain(best);
    let count = 0;
    while (d !== 0) {
      const low = d & -d;
      order[count++] = 31 - Math.clz32(low);
      d ^= low;
    }
    for (let k = count - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      const t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    const values = Array.from(order.subarray(0, count));
    for (const x of values) {
      const mark = trailFirm.length;
      const fullBefore = full;
      slot[best] = x;
      setFirm(a, x);
      setFirm(b, x);
      if (++tables[x] >= T) full |= 1 << x;
      if (firmHolds(a) && firmHolds(b)) {
        const result = search(placed + 1);
        if (result !== false) return result;
      }
      // Undo.
      tables[x]--;
      full = fullBefore;
      slot[best] = -1;
      while (trailFirm.length > mark) {
        const c = trailFirm.pop() as number;
        starts[c] = trailStarts.pop() as number;
        cov[c] = trailCov.pop() as number;
        busy[c] = trailBusy.pop() as number;
      }
    }
    return false;
  };

  for (let limit = 2 * M; performance.now() < options.deadline; limit = Math.ceil(limit * 1.5)) {
    reset();
    nodes = 0;
    nodeLimit = limit;
    const result = search(0);
    if (result === false) return false; // proven: no gap-free schedule of these meetings
    if (result === true) {
      for (const p of movable) state.setSlot(p, -1);
      for (let i = 0; i < M; i++) state.setSlot(movable[i], slot[i]);
      return true;
    }
  }
  return false;
}
