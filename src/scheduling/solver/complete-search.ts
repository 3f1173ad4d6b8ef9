import type { ScheduleProblem } from './schedule-types';
import { random } from './random';

/*
 * Complete search for a placement of a given set of pairs (the requests the caller wants all
 * placed): a constraint satisfaction problem whose variables are the pairs and whose values are the
 * slots. It either finds slots for every pair, or proves that none exist, or runs out of time.
 *
 * Hard constraints: both firms available and not in one of their fixed meetings, the pair's window,
 * one meeting per firm and slot, at most `tables` meetings per slot and `maxMeetings` per firm
 * (fixed meetings count in both), and two firms meet once (a listed pair that repeats another
 * listed pair or a fixed meeting cannot be placed).
 *
 * Depth-first backtracking on an explicit stack (no recursion), every change undone from a trail:
 * - variable: the smallest remaining domain, ties to the pair whose firms have most unplaced pairs;
 *   the domain is divided by the dead ends the two firms took part in so far (dom/wdeg: every firm
 *   starts at 1, so the first choices are by domain alone; an emptied domain counts for the pair's
 *   firms, a failed Hall check for its firm), which steers the search to the firms that keep
 *   failing (planted sessions of 800 firms, 3,000 pairs and 8 slots: 5 of 6 solved within 3 s,
 *   in 3,800 to 25,000 nodes, against 1 of 6 by domain alone);
 * - values: the hinted slot if any, then the fewest new breaks in the two firms' days (a slot next
 *   to their meetings first, a slot filling a one-slot gap best), then the slots the firms' other
 *   unplaced pairs need least, then the slots least wanted beyond their free tables;
 * - forward checking: a placed pair's slot leaves the domains of its firms' other pairs, and every
 *   domain once the slot's tables are full; an empty domain fails at once;
 * - counting checks after each placement, for every firm whose pairs lost a slot: its unplaced
 *   pairs need distinct slots, so they must have a matching into their domains (Hall: checked by
 *   the union's size, then by augmenting paths unless every domain is large enough), and the
 *   unplaced pairs must fit the tables (each slot takes at most its free tables, and at most the
 *   pairs that can still use it).
 * Restarts: a run that tries more than max(1,000, 2 x pairs) placements, x 1.5 each time, starts
 * again with shuffled last tie-breaks, keeping the firms' dead-end counts. Every run searches a
 * complete tree, so a run that ends without reaching its limit proves 'infeasible'; the growing
 * limit keeps the search complete. They guard against the long runs a bad early choice causes:
 * with domain alone, one planted 60-firm session ran 1.7 million nodes without an answer, and
 * took 1,227 with restarts; with the dead-end weights, on the 800-firm sessions above they turn a
 * time-out into 25,290 nodes but another answer in 6,014 nodes into a time-out (measured under
 * load; the figures are what a seed happens to give, not a law).
 * Domains are bitsets of 32-slot words, so any number of slots works.
 */

export interface CompleteSearchOptions {
  /** performance.now() (ms) after which the search gives up with 'unknown'. */
  deadline: number;
  /** Placements tried before giving up with 'unknown' (default: no limit). */
  maxNodes?: number;
  /**
   * A slot to try first for each entry of pairs (for example where the greedy or the local search
   * had it; -1 or any slot outside the pair's domain: none). The answer then stays close to that
   * schedule: a hint is left only where it leads to a dead end.
   */
  hint?: ArrayLike<number>;
  /** Filled in on return: the placements tried and the restarts (for benchmarks). */
  stats?: { nodes: number; restarts: number };
}

/** slots[i] is the slot of pairs[i]. */
export interface CompletePlacement {
  slots: Int32Array;
}

/**
 * A slot for each listed pair, `'infeasible'` when none exists (a proof), `'unknown'` when the
 * deadline or node limit came first.
 */
export type CompleteSearchResult = CompletePlacement | 'infeasible' | 'unknown';

/** Nodes between two looks at the clock. */
const CLOCK_EVERY = 256;
/** Nodes of the first run (at least twice the pairs), and the growth of each next run's limit. */
const RESTART_BASE = 1000;
const RESTART_GROWTH = 1.5;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Places every pair of `pairs` (indices into problem.pairs) under every hard constraint, or proves
 * it impossible. Fixed meetings stay and count; nothing else of the problem is placed. The result
 * does not depend on the clock except through 'unknown'.
 */
export function completeRequests(
  problem: ScheduleProblem,
  pairs: readonly number[],
  options: CompleteSearchOptions,
): CompleteSearchResult {
  const N = pairs.length;
  if (N === 0) return { slots: new Int32Array(0) };
  const S = Number.isInteger(problem.slots) && problem.slots > 0 ? problem.slots : 0;
  if (S === 0) return 'infeasible';
  const W = (S + 31) >>> 5;
  const { companies } = problem;
  const n = companies.length;
  const isCompany = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < n;
  const isSlot = (s: number): boolean => Number.isInteger(s) && s >= 0 && s < S;
  const limited = problem.tables !== null;
  const { hint } = options;

  // Fixed meetings, taken as they are (invalid ones ignored, as the checker does).
  const busy = new Uint32Array(n * W);
  const fixedCount = new Int32Array(n);
  const tableLeft = new Int32Array(S).fill(limited ? (problem.tables as number) : N + 1);
  const met = new Set<number>();
  for (const f of problem.fixed) {
    if (!isCompany(f.a) || !isCompany(f.b) || f.a === f.b || !isSlot(f.slot)) continue;
    for (const c of [f.a, f.b]) {
      busy[c * W + (f.slot >>> 5)] |= 1 << (f.slot & 31);
      fixedCount[c]++;
    }
    if (limited) tableLeft[f.slot]--;
    met.add(Math.min(f.a, f.b) * n + Math.max(f.a, f.b));
  }

  // The variables.
  const va = new Int32Array(N);
  const vb = new Int32Array(N);
  const need = new Int32Array(n);
  for (let v = 0; v < N; v++) {
    const pair = Number.isInteger(pairs[v]) ? problem.pairs[pairs[v]] : undefined;
    if (pair === undefined || !isCompany(pair.a) || !isCompany(pair.b) || pair.a === pair.b) {
      return 'infeasible';
    }
    const key = Math.min(pair.a, pair.b) * n + Math.max(pair.a, pair.b);
    if (met.has(key)) return 'infeasible';
    met.add(key);
    va[v] = pair.a;
    vb[v] = pair.b;
    need[pair.a]++;
    need[pair.b]++;
  }
  for (let c = 0; c < n; c++) {
    if (need[c] > 0 && fixedCount[c] + need[c] > companies[c].maxMeetings) return 'infeasible';
  }

  // Domains: common free slots, inside the window, with a free table.
  const free = new Uint32Array(n * W);
  for (let c = 0; c < n; c++) {
    if (need[c] === 0) continue;
    const available = companies[c].available;
    for (let s = 0; s < S; s++) {
      if (available[s] === true && tableLeft[s] > 0) free[c * W + (s >>> 5)] |= 1 << (s & 31);
    }
    for (let w = 0; w < W; w++) free[c * W + w] &= ~busy[c * W + w];
  }
  const dom = new Uint32Array(N * W);
  const size = new Int32Array(N);
  const window = new Uint32Array(W);
  for (let v = 0; v < N; v++) {
    const allowed = problem.pairs[pairs[v]].slots;
    if (allowed === undefined) window.fill(0xffffffff);
    else {
      window.fill(0);
      for (const s of allowed) if (isSlot(s)) window[s >>> 5] |= 1 << (s & 31);
    }
    let count = 0;
    for (let w = 0; w < W; w++) {
      const bits = free[va[v] * W + w] & free[vb[v] * W + w] & window[w];
      dom[v * W + w] = bits;
      count += popcount(bits);
    }
    if (count === 0) return 'infeasible';
    size[v] = count;
  }

  // Each firm's pairs (CSR).
  const start = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) start[c + 1] = start[c] + need[c];
  const ofCompany = new Int32Array(2 * N);
  {
    const fill = start.slice(0, n);
    for (let v = 0; v < N; v++) {
      ofCompany[fill[va[v]]++] = v;
      ofCompany[fill[vb[v]]++] = v;
    }
  }

  // Search state.
  const slotOf = new Int32Array(N).fill(-1);
  const left = need.slice();
  const meets = busy.slice();
  const meetCount = fixedCount.slice();
  /** Unplaced pairs that could still use each slot. */
  const support = new Int32Array(S);
  for (let v = 0; v < N; v++) {
    for (let s = 0; s < S; s++) if ((dom[v * W + (s >>> 5)] >>> (s & 31)) & 1) support[s]++;
  }
  /** order[0..open) are the unplaced pairs; at[v] is v's position in order. */
  const order = new Int32Array(N);
  const at = new Int32Array(N);
  for (let v = 0; v < N; v++) order[v] = at[v] = v;
  let open = N;
  /** Removed (pair, slot) entries, as pair * S + slot. */
  const trail = new Int32Array(N * S);
  let trailLength = 0;

  const has = (v: number, s: number): boolean => ((dom[v * W + (s >>> 5)] >>> (s & 31)) & 1) === 1;

  // Companies to check after a placement, deduplicated by stamp.
  const touched = new Int32Array(n);
  let touchedCount = 0;
  const touchStamp = new Int32Array(n);
  let stamp = 0;
  const touch = (c: number): void => {
    if (touchStamp[c] !== stamp) {
      touchStamp[c] = stamp;
      touched[touchedCount++] = c;
    }
  };

  /** Dead ends each firm was part of (kept across restarts). */
  const weight = new Float64Array(n).fill(1);

  /** Takes slot s out of v's domain; false when the domain becomes empty. */
  const remove = (v: number, s: number): boolean => {
    dom[v * W + (s >>> 5)] &= ~(1 << (s & 31));
    support[s]--;
    trail[trailLength++] = v * S + s;
    touch(va[v]);
    touch(vb[v]);
    if (--size[v] > 0) return true;
    weight[va[v]]++;
    weight[vb[v]]++;
    return false;
  };

  const undoTo = (mark: number): void => {
    while (trailLength > mark) {
      const entry = trail[--trailLength];
      const v = (entry / S) | 0;
      const s = entry - v * S;
      dom[v * W + (s >>> 5)] |= 1 << (s & 31);
      support[s]++;
      size[v]++;
    }
  };

  // Hall check of one firm: its unplaced pairs need distinct slots of their domains.
  const local = new Int32Array(N);
  const matchOfSlot = new Int32Array(S);
  const seen = new Int32Array(S);
  let seenStamp = 0;
  const union = new Uint32Array(W);
  const augment = (i: number): boolean => {
    const v = local[i];
    for (let w = 0; w < W; w++) {
      let bits = dom[v * W + w];
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const s = (w << 5) | (31 - Math.clz32(low));
        if (seen[s] === seenStamp) continue;
        seen[s] = seenStamp;
        if (matchOfSlot[s] < 0 || augment(matchOfSlot[s])) {
          matchOfSlot[s] = i;
          return true;
        }
      }
    }
    return false;
  };
  const hallHolds = (c: number): boolean => {
    const k = left[c];
    if (k <= 1) return true;
    union.fill(0);
    let smallest = S;
    let m = 0;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const v = ofCompany[j];
      if (slotOf[v] >= 0) continue;
      local[m++] = v;
      if (size[v] < smallest) smallest = size[v];
      for (let w = 0; w < W; w++) union[w] |= dom[v * W + w];
    }
    let count = 0;
    for (let w = 0; w < W; w++) count += popcount(union[w]);
    if (count < k) return false;
    if (smallest >= k) return true; // any j of them see at least k >= j slots
    matchOfSlot.fill(-1);
    for (let i = 0; i < m; i++) {
      seenStamp++;
      if (!augment(i)) return false;
    }
    return true;
  };

  /** Each slot takes at most its free tables and the unplaced pairs that can use it. */
  const tablesHold = (): boolean => {
    if (!limited) return true;
    let room = 0;
    for (let s = 0; s < S; s++) room += Math.min(Math.max(0, tableLeft[s]), support[s]);
    return room >= open;
  };

  /** Places v in s and propagates; false on a dead end (undo with undoTo, then unplace). */
  const place = (v: number, s: number): boolean => {
    slotOf[v] = s;
    const p = at[v];
    const last = order[open - 1];
    order[p] = last;
    at[last] = p;
    order[open - 1] = v;
    at[v] = open - 1;
    open--;
    const a = va[v];
    const b = vb[v];
    left[a]--;
    left[b]--;
    meetCount[a]++;
    meetCount[b]++;
    meets[a * W + (s >>> 5)] |= 1 << (s & 31);
    meets[b * W + (s >>> 5)] |= 1 << (s & 31);
    tableLeft[s]--;
    for (let t = 0; t < S; t++) if (has(v, t)) support[t]--;

    stamp++;
    touchedCount = 0;
    touch(a);
    touch(b);
    for (let j = start[a]; j < start[a + 1]; j++) {
      const u = ofCompany[j];
      if (slotOf[u] < 0 && has(u, s) && !remove(u, s)) return false;
    }
    for (let j = start[b]; j < start[b + 1]; j++) {
      const u = ofCompany[j];
      if (slotOf[u] < 0 && has(u, s) && !remove(u, s)) return false;
    }
    if (tableLeft[s] === 0 && support[s] > 0) {
      for (let i = 0; i < open; i++) {
        const u = order[i];
        if (has(u, s) && !remove(u, s)) return false;
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      if (!hallHolds(touched[i])) {
        weight[touched[i]]++;
        return false;
      }
    }
    return tablesHold();
  };

  const unplace = (v: number): void => {
    const s = slotOf[v];
    slotOf[v] = -1;
    open++; // v is still at order[open - 1]
    const a = va[v];
    const b = vb[v];
    left[a]++;
    left[b]++;
    meetCount[a]--;
    meetCount[b]--;
    meets[a * W + (s >>> 5)] &= ~(1 << (s & 31));
    meets[b * W + (s >>> 5)] &= ~(1 << (s & 31));
    tableLeft[s]++;
    for (let t = 0; t < S; t++) if (has(v, t)) support[t]++;
  };

  // Initial counting checks.
  for (let c = 0; c < n; c++) if (need[c] > 0 && !hallHolds(c)) return 'infeasible';
  if (!tablesHold()) return 'infeasible';

  const meetsAt = (c: number, s: number): boolean =>
    s >= 0 && s < S && ((meets[c * W + (s >>> 5)] >>> (s & 31)) & 1) === 1;
  /** Change in c's breaks if it also met in s: -1 (fills a one-slot gap), 0, or +1 (a new gap). */
  const breaksAdded = (c: number, s: number): number => {
    if (meetCount[c] === 0) return 0;
    const before = meetsAt(c, s - 1);
    const after = meetsAt(c, s + 1);
    return before && after ? -1 : before || after ? 0 : 1;
  };

  // Stack frames: the pair decided at each depth, its ordered values and the next one to try.
  const frameVar = new Int32Array(N);
  const frameMark = new Int32Array(N);
  const frameNext = new Int32Array(N);
  const frameCount = new Int32Array(N);
  const values = new Int32Array(N * S);
  const keys = new Float64Array(S);
  const wanted = new Int32Array(S);

  /** Last tie-breaks: by pair, then by slot; the first run in index order, each restart shuffled. */
  const varRank = new Int32Array(N);
  const slotRank = new Float64Array(S);
  const shuffleTies = (seed: number): void => {
    for (let v = 0; v < N; v++) varRank[v] = v;
    for (let s = 0; s < S; s++) slotRank[s] = s / S;
    if (seed === 0) return;
    const rand = random(seed);
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const x = varRank[i];
      varRank[i] = varRank[j];
      varRank[j] = x;
    }
    for (let s = 0; s < S; s++) slotRank[s] = rand();
  };
  shuffleTies(0);

  const chooseVar = (): number => {
    let best = -1;
    let bestScore = Infinity;
    let bestLoad = -1;
    for (let i = 0; i < open; i++) {
      const v = order[i];
      const score = size[v] / (weight[va[v]] + weight[vb[v]]);
      if (score > bestScore) continue;
      const load = left[va[v]] + left[vb[v]];
      if (
        score < bestScore ||
        load > bestLoad ||
        (load === bestLoad && varRank[v] < varRank[best])
      ) {
        best = v;
        bestScore = score;
        bestLoad = load;
      }
    }
    return best;
  };

  /** Opens the frame at depth d for the best unplaced pair, its values in the order to try. */
  const openFrame = (d: number): void => {
    const v = chooseVar();
    const a = va[v];
    const b = vb[v];
    wanted.fill(0);
    for (const c of [a, b]) {
      for (let j = start[c]; j < start[c + 1]; j++) {
        const u = ofCompany[j];
        if (u === v || slotOf[u] >= 0) continue;
        for (let w = 0; w < W; w++) {
          let bits = dom[u * W + w] & dom[v * W + w];
          while (bits !== 0) {
            const low = bits & -bits;
            bits ^= low;
            wanted[(w << 5) | (31 - Math.clz32(low))]++;
          }
        }
      }
    }
    let k = 0;
    const base = d * S;
    for (let s = 0; s < S; s++) {
      if (!has(v, s)) continue;
      const pressure = limited ? Math.max(0, support[s] - tableLeft[s]) : 0;
      keys[s] =
        s === hint?.[v]
          ? -1
          : (breaksAdded(a, s) + breaksAdded(b, s) + 2) * 2 ** 40 +
            Math.min(wanted[s], 2 ** 20 - 1) * 2 ** 20 +
            Math.min(pressure, 2 ** 20 - 1) +
            slotRank[s];
      // insertion sort by key
      let i = k++;
      while (i > 0 && keys[values[base + i - 1]] > keys[s]) {
        values[base + i] = values[base + i - 1];
        i--;
      }
      values[base + i] = s;
    }
    frameVar[d] = v;
    frameCount[d] = k;
    frameNext[d] = 0;
    frameMark[d] = trailLength;
  };

  const maxNodes = options.maxNodes ?? Infinity;
  let nodes = 0;
  const finish = (result: CompleteSearchResult): CompleteSearchResult => {
    if (options.stats) {
      options.stats.nodes = nodes;
      options.stats.restarts = run;
    }
    return result;
  };
  let run = 0;
  let cutoff = Math.max(RESTART_BASE, 2 * N);
  let runNodes = 0;
  let depth = 0;
  openFrame(0);
  for (;;) {
    const v = frameVar[depth];
    if (frameNext[depth] > 0) {
      undoTo(frameMark[depth]);
      unplace(v);
    }
    if (frameNext[depth] >= frameCount[depth]) {
      // Exhausted: a proof even within a restart, since every run explores a complete tree.
      if (--depth < 0) return finish('infeasible');
      continue;
    }
    if (runNodes >= cutoff) {
      // Restart: unwind every placement, then new tie-breaks and a longer run.
      for (let d = depth - 1; d >= 0; d--) {
        undoTo(frameMark[d]);
        unplace(frameVar[d]);
      }
      run++;
      runNodes = 0;
      cutoff = Math.ceil(cutoff * RESTART_GROWTH);
      shuffleTies(run);
      depth = 0;
      openFrame(0);
      continue;
    }
    const s = values[depth * S + frameNext[depth]++];
    nodes++;
    runNodes++;
    if (nodes > maxNodes) return finish('unknown');
    if (nodes % CLOCK_EVERY === 0 && performance.now() > options.deadline) return finish('unknown');
    if (!place(v, s)) continue;
    if (open === 0) return finish({ slots: slotOf });
    openFrame(++depth);
  }
}
