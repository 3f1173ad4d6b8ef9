/*
 * Fewer breaks in the firms' days, with the placed meetings kept (pure, no I/O).
 *
 * Once the requested pairs are placed, the meetings are moved between slots, never dropped, by
 * simulated annealing over Kempe swaps: a meeting moves from slot s to slot t, and every meeting
 * in the way (a meeting of one of its firms in t, then a meeting of that meeting's other firm in s,
 * and so on) moves the other way. A swap keeps one meeting per firm and slot by construction; it is
 * refused when a firm of the chain is not free in the other slot (unavailable, or a meeting that
 * stays), when a meeting would leave its window, or when the tables of either slot would overflow.
 *
 * The cost, lexicographic in one number: total breaks, then the spread of breaks between firms,
 * then the idle slots (a guide: a day with fewer idle slots is closer to having no break at all).
 * The temperature falls geometrically over the time given; the search stops at once when no firm
 * has a break, and keeps the best schedule it saw.
 */

/** The scheduler's state this phase reads and moves (see solve-schedule.ts). */
export interface DayState {
  readonly S: number;
  readonly n: number;
  /** Tables per slot (Infinity: unlimited). */
  readonly T: number;
  /** occ[c * S + s]: the pair company c meets in slot s, or a negative mark (free, blocked, fixed). */
  readonly occ: Int32Array;
  readonly tab: Int32Array;
  readonly slotOf: Int32Array;
  readonly pa: Int32Array;
  readonly pb: Int32Array;
  ok(p: number, s: number): boolean;
  setSlot(p: number, s: number): void;
}

/** occ marks (as in solve-schedule.ts). */
const FREE = -1;
const FIXED = -3;
/** Longest chain of a swap. */
const MAX_CHAIN = 32;
/** Length of one cooling, in swaps tried per movable meeting. */
const ITERATIONS_PER_MEETING = 300;
/** Coolings in a row without a better schedule before the search gives up. */
const STALE_CYCLES = 4;
/** A new cooling starts from the best schedule at this share of the first one's temperature. */
const REHEAT = 0.7;

/** Breaks and idle slots of company c's day from its row of occ. */
export function rowGaps(state: DayState, c: number): { breaks: number; idle: number } {
  const { S, occ } = state;
  let last = -1;
  let breaks = 0;
  let idle = 0;
  for (let s = 0; s < S; s++) {
    const m = occ[c * S + s];
    if (m >= 0 || m === FIXED) {
      if (last >= 0 && s > last + 1) {
        breaks++;
        idle += s - last - 1;
      }
      last = s;
    }
  }
  return { breaks, idle };
}

/** Each company's first slot with a meeting (fixed ones included), or -1 for none. */
export function firstMeetingSlots(state: DayState): Int32Array {
  const { S, n, occ } = state;
  const first = new Int32Array(n).fill(-1);
  for (let c = 0; c < n; c++) {
    for (let s = 0; s < S; s++) {
      const m = occ[c * S + s];
      if (m >= 0 || m === FIXED) {
        first[c] = s;
        break;
      }
    }
  }
  return first;
}

/** Breaks and idle slots of company c's day if its cells in slots s and t were swapped. */
function swappedGaps(
  state: DayState,
  c: number,
  s: number,
  t: number,
): { breaks: number; idle: number } {
  const { S, occ } = state;
  const row = c * S;
  let last = -1;
  let breaks = 0;
  let idle = 0;
  for (let x = 0; x < S; x++) {
    const m = occ[row + (x === s ? t : x === t ? s : x)];
    if (m >= 0 || m === FIXED) {
      if (last >= 0 && x > last + 1) {
        breaks++;
        idle += x - last - 1;
      }
      last = x;
    }
  }
  return { breaks, idle };
}

/**
 * How placing a new meeting for company c in free slot s changes its breaks: -1 (it fills a
 * one-slot gap), 0 (it extends or splits nothing), or +1 (a new gap).
 */
export function breakDelta(state: DayState, c: number, s: number): number {
  const { S, occ } = state;
  const row = c * S;
  let prev = -1;
  for (let x = s - 1; x >= 0; x--) {
    const m = occ[row + x];
    if (m >= 0 || m === FIXED) {
      prev = x;
      break;
    }
  }
  let next = -1;
  for (let x = s + 1; x < S; x++) {
    const m = occ[row + x];
    if (m >= 0 || m === FIXED) {
      next = x;
      break;
    }
  }
  const before = prev >= 0 && next >= 0 ? 1 : 0;
  const after = (prev >= 0 && s > prev + 1 ? 1 : 0) + (next >= 0 && next > s + 1 ? 1 : 0);
  return after - before;
}

export interface CompactOptions {
  /** performance.now() at which to stop. */
  deadline: number;
  random: () => number;
}

/**
 * Moves the placed meetings `movable` (pairs with a slot) between slots to lower the total breaks,
 * then their spread, then the idle slots. Every hard constraint holds after each step.
 */
export function compactDays(state: DayState, movable: number[], options: CompactOptions): void {
  const { S, n, T, occ, tab, slotOf, pa, pb } = state;
  const M = movable.length;
  if (M === 0 || S < 3) return;
  const rand = options.random;

  // Firms with a meeting: their cost and the histogram of their breaks.
  const breaks = new Int32Array(n);
  const idle = new Int32Array(n);
  const hasMeeting = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    for (let s = 0; s < S && !hasMeeting[c]; s++) {
      const m = occ[c * S + s];
      if (m >= 0 || m === FIXED) hasMeeting[c] = 1;
    }
  }
  const histogram = new Int32Array(S + 1);
  let totalBreaks = 0;
  let totalIdle = 0;
  /** Every firm's breaks and idle slots counted again from the state. */
  const recount = (): void => {
    histogram.fill(0);
    totalBreaks = 0;
    totalIdle = 0;
    for (let c = 0; c < n; c++) {
      if (!hasMeeting[c]) continue;
      const g = rowGaps(state, c);
      breaks[c] = g.breaks;
      idle[c] = g.idle;
      histogram[g.breaks]++;
      totalBreaks += g.breaks;
      totalIdle += g.idle;
    }
  };
  recount();
  if (totalBreaks === 0) return;
  const spread = (): number => {
    let most = S;
    while (most > 0 && histogram[most] === 0) most--;
    let fewest = 0;
    while (fewest < most && histogram[fewest] === 0) fewest++;
    return most - fewest;
  };
  // Lexicographic weights: one break outweighs any spread; one step of spread any idle slots.
  const W2 = n * S + 1;
  const W1 = W2 * (S + 1);
  const cost = (): number => totalBreaks * W1 + spread() * W2 + totalIdle;

  // Each firm's movable meetings, to pick a meeting of a firm with breaks.
  const isMovable = new Uint8Array(slotOf.length);
  for (const p of movable) isMovable[p] = 1;

  let current = cost();
  let best = current;
  const bestSlot = new Int32Array(M);
  const saveBest = (): void => {
    for (let i = 0; i < M; i++) bestSlot[i] = slotOf[movable[i]];
  };
  saveBest();
  /** Back to the best schedule seen, with every count recomputed. */
  const restoreBest = (): void => {
    for (const p of movable) state.setSlot(p, -1);
    for (let i = 0; i < M; i++) state.setSlot(movable[i], bestSlot[i]);
    recount();
    current = cost();
  };

  // Swap scratch.
  const chain: number[] = [];
  const target: number[] = [];
  const inChain = new Uint8Array(slotOf.length);
  const touched: number[] = [];
  const seen = new Uint8Array(n);
  const oldBreaks: number[] = [];
  const oldIdle: number[] = [];
  const newBreaks: number[] = [];
  const newIdle: number[] = [];

  /** The Kempe chain moving p from its slot to t, in chain/target; false if it cannot move. */
  const buildChain = (p: number, t: number): boolean => {
    const s = slotOf[p];
    chain.length = 0;
    target.length = 0;
    chain.push(p);
    target.push(t);
    inChain[p] = 1;
    let ok = true;
    for (let i = 0; i < chain.length && ok; i++) {
      const m = chain[i];
      const to = target[i];
      if (!state.ok(m, to)) {
        ok = false;
        break;
      }
      for (const c of [pa[m], pb[m]]) {
        const q = occ[c * S + to];
        if (q === FREE || q === m) continue;
        if (q < 0 || !isMovable[q] || chain.length >= MAX_CHAIN) {
          ok = false;
          break;
        }
        if (inChain[q]) continue;
        inChain[q] = 1;
        chain.push(q);
        target.push(to === t ? s : t);
      }
    }
    for (const m of chain) inChain[m] = 0;
    if (!ok) return false;
    if (Number.isFinite(T)) {
      let toT = 0;
      for (const to of target) if (to === t) toT++;
      const toS = chain.length - toT;
      if (tab[t] + toT - toS > T || tab[s] + toS - toT > T) return false;
    }
    return true;
  };

  const applyChain = (): void => {
    for (const m of chain) state.setSlot(m, -1);
    for (let i = 0; i < chain.length; i++) state.setSlot(chain[i], target[i]);
  };

  // From accepting one more break about a third of the time to below one idle slot.
  const hot = W1;
  const cold = 0.3;
  const cycle = ITERATIONS_PER_MEETING * M;
  const factor = Math.pow(cold / hot, 1 / cycle);
  let temperature = hot;
  let cycleBest = best;
  let stale = 0;
  const companiesWithBreaks: number[] = [];
  const near: number[] = [];
  let sinceRefresh = 0;

  for (let iteration = 1; ; iteration++) {
    if ((iteration & 255) === 0 && performance.now() >= options.deadline) break;
    if (totalBreaks === 0) break;
    temperature *= factor;
    if (iteration % cycle === 0) {
      // Coolings that found nothing better: done. Otherwise heat up again from the best.
      if (best < cycleBest) stale = 0;
      else if (++stale >= STALE_CYCLES) break;
      cycleBest = best;
      restoreBest();
      temperature = hot * REHEAT;
    }
    // A meeting of a firm with a break (most of the time), or any movable meeting.
    let p: number;
    let firm: number;
    if (sinceRefresh-- <= 0) {
      companiesWithBreaks.length = 0;
      for (let c = 0; c < n; c++) if (breaks[c] > 0) companiesWithBreaks.push(c);
      sinceRefresh = 64;
    }
    if (companiesWithBreaks.length > 0 && rand() < 0.8) {
      firm = companiesWithBreaks[Math.floor(rand() * companiesWithBreaks.length)];
      const row = firm * S;
      let pick = -1;
      let count = 0;
      for (let s = 0; s < S; s++) {
        const m = occ[row + s];
        if (m >= 0 && isMovable[m] && rand() * ++count < 1) pick = m;
      }
      if (pick < 0) continue;
      p = pick;
    } else {
      p = movable[Math.floor(rand() * M)];
      firm = rand() < 0.5 ? pa[p] : pb[p];
    }
    const s = slotOf[p];
    // Next to another meeting of the firm (half the time), or anywhere.
    let t = -1;
    if (rand() < 0.5) {
      near.length = 0;
      const row = firm * S;
      for (let x = 0; x < S; x++) {
        const m = occ[row + x];
        if (x === s || !(m >= 0 || m === FIXED)) continue;
        if (x > 0 && x - 1 !== s) near.push(x - 1);
        if (x + 1 < S && x + 1 !== s) near.push(x + 1);
      }
      if (near.length > 0) t = near[Math.floor(rand() * near.length)];
    }
    if (t < 0) {
      t = Math.floor(rand() * (S - 1));
      if (t >= s) t++;
    }
    if (!buildChain(p, t)) continue;

    // The firms the swap touches (one of their meetings moves between s and t, unless both do),
    // their days as they would be, and the cost, before anything moves.
    touched.length = 0;
    for (const m of chain) {
      for (const c of [pa[m], pb[m]]) {
        if (seen[c]++ === 0) touched.push(c);
      }
    }
    newBreaks.length = 0;
    newIdle.length = 0;
    for (const c of touched) {
      const both = seen[c] === 2;
      seen[c] = 0;
      if (both) {
        newBreaks.push(breaks[c]);
        newIdle.push(idle[c]);
        continue;
      }
      const g = swappedGaps(state, c, s, t);
      newBreaks.push(g.breaks);
      newIdle.push(g.idle);
    }
    const apply = (): void => {
      for (let i = 0; i < touched.length; i++) {
        const c = touched[i];
        histogram[breaks[c]]--;
        histogram[newBreaks[i]]++;
        totalBreaks += newBreaks[i] - breaks[c];
        totalIdle += newIdle[i] - idle[c];
        breaks[c] = newBreaks[i];
        idle[c] = newIdle[i];
      }
    };
    const undo = (): void => {
      for (let i = 0; i < touched.length; i++) {
        const c = touched[i];
        histogram[breaks[c]]--;
        histogram[oldBreaks[i]]++;
        totalBreaks += oldBreaks[i] - breaks[c];
        totalIdle += oldIdle[i] - idle[c];
        breaks[c] = oldBreaks[i];
        idle[c] = oldIdle[i];
      }
    };
    oldBreaks.length = 0;
    oldIdle.length = 0;
    for (const c of touched) {
      oldBreaks.push(breaks[c]);
      oldIdle.push(idle[c]);
    }
    apply();
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || rand() < Math.exp(-delta / temperature)) {
      applyChain();
      current = next;
      if (current < best) {
        best = current;
        saveBest();
      }
      continue;
    }
    undo();
  }

  if (current !== best) restoreBest();
}
