import type { ScheduleProblem } from './schedule-types';
import { random, shuffle } from './random';

/*
 * A gap-free schedule of a given set of pairs, searched firm by firm: with no break, a firm with k
 * meetings meets in k consecutive slots, so the first question is where each firm's day starts.
 *
 * Level 1 chooses each firm's first slot (a "start"; a day of k slots must lie in slots the firm
 * is free in and hold its fixed meetings). Once every active firm meets once in every slot of its
 * day, the meetings of slot t are exactly half the firms whose day covers t: the tables bound
 * becomes "at most 2 x tables firms' days cover t", checked on the days that are certain. A start
 * is dropped when a meeting of the firm could not be held inside that day and the partner's
 * possible days, or when the firm's meetings could not take distinct slots of that day (a
 * matching). The firm with the fewest starts left is chosen first.
 *
 * Level 2, once every day is chosen, gives each meeting a slot of both firms' days: each firm's
 * meetings take distinct slots, and as many as its day has, so every slot of the day is taken (a
 * slot only one meeting can take is forced). Depth-first with forward checking and a matching test
 * per firm; a dead end sends the search back to level 1.
 *
 * Restarts with a growing node limit and shuffled value orders. Sessions of more than 30 slots are
 * not searched ('unknown').
 */

export interface IntervalSearchOptions {
  deadline: number;
  seed?: number;
  stats?: { nodes: number; restarts: number; leaves: number };
  /** A preferred first slot per company (-1: none): its day's start is tried nearest it first. */
  startHint?: ArrayLike<number>;
}

export type IntervalSearchResult = { slots: Int32Array } | 'infeasible' | 'unknown';

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const lowBit = (x: number): number => 31 - Math.clz32(x & -x);

class Timeout extends Error {}

/** Share of spare seats below which the search lays days from the left (see `packed`). */
const PACKED_SLACK = 0.1;

export function gapFreeSchedule(
  problem: ScheduleProblem,
  pairs: readonly number[],
  options: IntervalSearchOptions,
): IntervalSearchResult {
  const S = problem.slots;
  if (!Number.isInteger(S) || S < 1) return 'infeasible';
  if (S > 30) return 'unknown';
  const n = problem.companies.length;
  const N = pairs.length;
  const full = (1 << S) - 1;
  const tables = problem.tables ?? Infinity;
  const now = (): number => performance.now();
  const rand = random(options.seed ?? 1);

  // Fixed meetings: their slots are in the firm's day.
  const fixedMask = new Int32Array(n);
  const count = new Int32Array(n);
  const isCompany = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < n;
  for (const f of problem.fixed) {
    if (!isCompany(f.a) || !isCompany(f.b) || f.a === f.b) continue;
    if (!Number.isInteger(f.slot) || f.slot < 0 || f.slot >= S) continue;
    fixedMask[f.a] |= 1 << f.slot;
    fixedMask[f.b] |= 1 << f.slot;
    count[f.a]++;
    count[f.b]++;
  }
  const avail = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    let mask = 0;
    problem.companies[c].available.forEach((free, s) => {
      if (free && s < S) mask |= 1 << s;
    });
    avail[c] = mask & ~fixedMask[c];
  }
  const va = new Int32Array(N);
  const vb = new Int32Array(N);
  const base = new Int32Array(N);
  const byFirm: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < N; v++) {
    const pair = Number.isInteger(pairs[v]) ? problem.pairs[pairs[v]] : undefined;
    if (!pair || !isCompany(pair.a) || !isCompany(pair.b) || pair.a === pair.b) return 'infeasible';
    va[v] = pair.a;
    vb[v] = pair.b;
    let window = full;
    if (pair.slots) {
      window = 0;
      for (const s of pair.slots) if (Number.isInteger(s) && s >= 0 && s < S) window |= 1 << s;
    }
    base[v] = avail[pair.a] & avail[pair.b] & window;
    if (base[v] === 0) return 'infeasible';
    byFirm[pair.a].push(v);
    byFirm[pair.b].push(v);
    count[pair.a]++;
    count[pair.b]++;
  }
  // Two firms meet once; a firm's meetings, fixed ones included, stay within its maximum.
  const met = new Set<number>();
  for (const f of problem.fixed) met.add(Math.min(f.a, f.b) * n + Math.max(f.a, f.b));
  for (let v = 0; v < N; v++) {
    const key = Math.min(va[v], vb[v]) * n + Math.max(va[v], vb[v]);
    if (met.has(key)) return 'infeasible';
    met.add(key);
  }
  for (let c = 0; c < n; c++) {
    if (byFirm[c].length > 0 && count[c] > problem.companies[c].maxMeetings) return 'infeasible';
  }
  const firms: number[] = [];
  let totalPresence = 0;
  for (let c = 0; c < n; c++) totalPresence += count[c];
  // The firms with a listed pair are the search's; the others' fixed meetings only take seats.
  const fixedPresent = new Int32Array(S);
  for (let c = 0; c < n; c++) {
    if (byFirm[c].length > 0) firms.push(c);
    else {
      let m = fixedMask[c];
      while (m) {
        const s = lowBit(m);
        m &= m - 1;
        fixedPresent[s]++;
      }
    }
  }
  const day = (start: number, k: number): number =>
    (k >= 31 ? full : ((1 << k) - 1) << start) & full;

  // Level-1 domains: starts[c] is a mask of the first slots c's day may have.
  const starts = new Int32Array(n);
  for (const c of firms) {
    const k = count[c];
    let mask = 0;
    for (let s = 0; s + k <= S; s++) {
      const d = day(s, k);
      if ((d & (avail[c] | fixedMask[c])) === d && (d & fixedMask[c]) === fixedMask[c]) {
        mask |= 1 << s;
      }
    }
    if (mask === 0) return 'infeasible';
    starts[c] = mask;
  }
  const cover = (c: number): number => {
    let m = starts[c];
    let out = 0;
    while (m) {
      const s = lowBit(m);
      m &= m - 1;
      out |= day(s, count[c]);
    }
    return out;
  };
  const core = (c: number): number => {
    let m = starts[c];
    let out = full;
    while (m) {
      const s = lowBit(m);
      m &= m - 1;
      out &= day(s, count[c]);
    }
    return out;
  };
  const coverOf = new Int32Array(n);
  const coreOf = new Int32Array(n);
  for (const c of firms) {
    coverOf[c] = cover(c);
    coreOf[c] = core(c);
  }

  // A matching of the listed meetings of c into slots, each within doms[i] (augmenting paths).
  const slotOwner = new Int32Array(32);
  let seen = 0;
  let used = 0;
  let domsRef: Int32Array = new Int32Array(0);
  const tryPlace = (i: number): boolean => {
    // A slot no meeting holds yet is taken at once; otherwise one holder moves over.
    const free = domsRef[i] & ~used;
    if (free) {
      const s = lowBit(free);
      used |= 1 << s;
      slotOwner[s] = i;
      return true;
    }
    let m = domsRef[i] & ~seen;
    while (m) {
      const s = lowBit(m);
      m &= m - 1;
      seen |= 1 << s;
      if (tryPlace(slotOwner[s])) {
        slotOwner[s] = i;
        return true;
      }
    }
    return false;
  };
  const matchable = (doms: Int32Array, len: number): boolean => {
    let union = 0;
    for (let i = 0; i < len; i++) union |= doms[i];
    if (popcount(union) < len) return false;
    used = 0;
    domsRef = doms;
    for (let i = 0; i < len; i++) {
      seen = 0;
      if (!tryPlace(i)) return false;
    }
    return true;
  };
  const other = (v: number, c: number): number => (va[v] === c ? vb[v] : va[v]);

  let nodes = 0;
  let limit = 0;
  // Meeting domains at level 1: inside both firms' possible days.
  const mdom = new Int32Array(N);
  for (let v = 0; v < N; v++) mdom[v] = base[v];
  // Trail entries: (c, old starts) as c >= 0, (v, old domain) as -1 - v.
  const trail: number[] = [];
  let coreDirty = true;
  // Per slot: firms present for sure (fixed meetings of the others included), firms that may be,
  // and the XOR of the latter's numbers (the firm itself when it is the only one).
  const present = Int32Array.from(fixedPresent);
  const maybe = new Int32Array(S);
  const xorMaybe = new Int32Array(S);
  const count1 = (mask: number, into: Int32Array, by: number): void => {
    while (mask) {
      const s = lowBit(mask);
      mask &= mask - 1;
      into[s] += by;
    }
  };
  const flipMaybe = (mask: number, c: number): void => {
    while (mask) {
      const s = lowBit(mask);
      mask &= mask - 1;
      xorMaybe[s] ^= c;
    }
  };
  // A firm's version moves on whenever its starts or one of its meetings' slots change; the
  // checks of its own day below are skipped while it is the one they last passed at.
  const version = new Int32Array(n);
  const checked = new Int32Array(n).fill(-1);
  const recount = (c: number, newStarts: number): void => {
    version[c]++;
    const oldCore = coreOf[c];
    const oldMaybe = coverOf[c] & ~oldCore;
    starts[c] = newStarts;
    coverOf[c] = cover(c);
    coreOf[c] = core(c);
    const newMaybe = coverOf[c] & ~coreOf[c];
    count1(oldCore & ~coreOf[c], present, -1);
    count1(coreOf[c] & ~oldCore, present, 1);
    count1(oldMaybe & ~newMaybe, maybe, -1);
    count1(newMaybe & ~oldMaybe, maybe, 1);
    flipMaybe(oldMaybe ^ newMaybe, c);
  };
  for (const c of firms) {
    count1(coreOf[c], present, 1);
    count1(coverOf[c] & ~coreOf[c], maybe, 1);
    flipMaybe(coverOf[c] & ~coreOf[c], c);
  }
  const setStarts = (c: number, mask: number): void => {
    trail.push(c, starts[c]);
    coreDirty = true;
    recount(c, mask);
  };
  const setDom = (v: number, d: number): void => {
    trail.push(-1 - v, mdom[v]);
    mdom[v] = d;
    version[va[v]]++;
    version[vb[v]]++;
  };
  const undo = (mark: number): void => {
    while (trail.length > mark) {
      const old = trail.pop() as number;
      const key = trail.pop() as number;
      if (key >= 0) {
        recount(key, old);
      } else {
        const v = -1 - key;
        mdom[v] = old;
        version[va[v]]++;
        version[vb[v]]++;
      }
    }
  };

  const weight = new Float64Array(n).fill(1);
  let failAt = -1;
  const domsBuffer = new Int32Array(Math.max(1, ...byFirm.map((list) => list.length)));
  const queued = new Uint8Array(n);
  const reach = new Int32Array(32);
  const cap = new Int32Array(S);
  const openList = new Int32Array(32);
  const support = new Int32Array(32);
  /** Adds to support[i] the slots meeting i may hold in a one-to-one assignment of domsBuffer. */
  const supportedSlots = (len: number): void => {
    // Meetings with one slot left hold it in every assignment and lie on no cycle: only the
    // others (`open`) take part in the closure.
    let openCount = 0;
    for (let i = 0; i < len; i++) {
      const d = domsBuffer[i];
      if ((d & (d - 1)) === 0) {
        support[i] |= d;
        reach[i] = 0;
        continue;
      }
      openList[openCount++] = i;
      let next = 0;
      let m = d;
      while (m) {
        const t = lowBit(m);
        m &= m - 1;
        next |= 1 << slotOwner[t];
      }
      reach[i] = next;
    }
    for (let a = 0; a < openCount; a++) {
      const k = openList[a];
      const bit = 1 << k;
      const via = reach[k];
      for (let b = 0; b < openCount; b++) {
        const i = openList[b];
        if (reach[i] & bit) reach[i] |= via;
      }
    }
    for (let a = 0; a < openCount; a++) {
      const i = openList[a];
      let allowed = 0;
      let m = domsBuffer[i];
      while (m) {
        const t = lowBit(m);
        m &= m - 1;
        const j = slotOwner[t];
        if (j === i || reach[j] & (1 << i)) allowed |= 1 << t;
      }
      support[i] |= allowed;
    }
  };

  const propagate = (queue: number[]): boolean => {
    failAt = -1;
    queued.fill(0);
    for (const c of queue) queued[c] = 1;
    const push = (c: number): void => {
      if (!queued[c]) {
        queued[c] = 1;
        queue.push(c);
      }
    };
    const narrow = (v: number, d: number): boolean => {
      if (d === mdom[v]) return true;
      if (d === 0) return false;
      setDom(v, d);
      push(va[v]);
      push(vb[v]);
      return true;
    };
    // Keeps the starts of c whose day meets `mask` (want) or misses it (!want).
    const restrict = (c: number, mask: number, want: boolean): boolean => {
      let keep = 0;
      let m = starts[c];
      while (m) {
        const s = lowBit(m);
        m &= m - 1;
        if (((day(s, count[c]) & mask) !== 0) === want) keep |= 1 << s;
      }
      if (keep === 0) return false;
      if (keep !== starts[c]) {
        setStarts(c, keep);
        push(c);
        for (const v of byFirm[c]) push(other(v, c));
      }
      return true;
    };
    while (queue.length) {
      // Tables: firms certainly present at t are at most 2 x tables (fixed ones count).
      if (coreDirty) {
        coreDirty = false;
        // Firms present at t for sure, and those that may be: with no break, the meetings of t
        // are half the firms present, so they are at most 2 x tables and even in number.
        for (let s = 0; s < S; s++) {
          if (present[s] > 2 * tables) return false;
          if (maybe[s] === 0 && present[s] % 2 === 1) return false;
        }
        for (let s = 0; s < S; s++) {
          if (maybe[s] !== 1) continue;
          const c = xorMaybe[s];
          const bit = 1 << s;
          // The one firm that may be present decides the parity: it must come or stay away.
          const come = present[s] % 2 === 1;
          if (come && present[s] + 1 > 2 * tables) return false;
          if (!restrict(c, bit, come)) return false;
        }
        // Every firm meets once in each slot of its day, so the days hold 2 x meetings firm-slots
        // in all: a slot must have at least what the others cannot hold (each at most its
        // tables' worth, an even number); when it has just that many possible, all must come.
        let capacity = 0;
        for (let s = 0; s < S; s++) {
          let most = Math.min(2 * tables, present[s] + maybe[s]);
          if (most % 2 === 1) most--;
          cap[s] = most;
          capacity += most;
        }
        if (capacity < totalPresence) return false;
        for (let s = 0; s < S; s++) {
          if (maybe[s] === 0) continue;
          let least = totalPresence - (capacity - cap[s]);
          if (least % 2 === 1) least++;
          if (least > present[s] + maybe[s]) return false;
          if (least === present[s] + maybe[s]) {
            const bit = 1 << s;
            for (const c of firms) {
              if (coverOf[c] & ~coreOf[c] & bit) {
                if (!restrict(c, bit, true)) return false;
              }
            }
          }
        }
        let fullSlots = 0;
        for (let s = 0; s < S; s++) {
          if (present[s] === 2 * tables && maybe[s] > 0) fullSlots |= 1 << s;
        }
        if (fullSlots) {
          for (const c of firms) {
            if (!(coverOf[c] & ~coreOf[c] & fullSlots)) continue;
            if (!restrict(c, fullSlots & ~coreOf[c], false)) return false;
          }
        }
      }
      const c = queue.pop() as number;
      queued[c] = 0;
      failAt = c;
      const list = byFirm[c];
      // Meetings inside both possible days; a meeting with one slot left takes it from the others.
      for (const v of list) {
        if (!narrow(v, mdom[v] & coverOf[va[v]] & coverOf[vb[v]])) return false;
      }
      if (checked[c] === version[c]) continue;
      const checking = version[c];
      let singles = 0;
      for (const v of list) {
        const d = mdom[v];
        if ((d & (d - 1)) !== 0) continue;
        if (singles & d) return false;
        singles |= d;
      }
      if (singles) {
        for (const v of list) {
          const d = mdom[v];
          if ((d & (d - 1)) !== 0 && !narrow(v, d & ~singles)) return false;
        }
      }
      // Each start of c: its meetings take distinct slots of that day. Once the day is chosen, a
      // meeting keeps only the slots it holds in some one-to-one assignment of c's meetings to
      // the day's slots (Régin's rule: an edge outside the matching found must close an
      // alternating cycle). The same for every possible day of an undecided firm cost more than
      // it saved (80 firms, 302 meetings: 5 of 6 seeds gap-free against 6 of 6).
      const len = list.length;
      const single = (starts[c] & (starts[c] - 1)) === 0;
      if (single) support.fill(0, 0, len);
      let keep = 0;
      let m = starts[c];
      while (m) {
        const s = lowBit(m);
        m &= m - 1;
        const d = day(s, count[c]) & ~fixedMask[c];
        let filled = 0;
        for (const v of list) {
          const dom = mdom[v] & d;
          if (dom === 0) break;
          domsBuffer[filled++] = dom;
        }
        if (filled !== len || !matchable(domsBuffer, len)) continue;
        keep |= 1 << s;
        if (single) supportedSlots(len);
      }
      if (keep === 0) return false;
      if (keep !== starts[c]) {
        setStarts(c, keep);
        push(c);
        for (const v of list) push(other(v, c));
        continue;
      }
      if (single) {
        for (let i = 0; i < len; i++) {
          const v = list[i];
          if ((mdom[v] & ~support[i]) !== 0 && !narrow(v, mdom[v] & support[i])) return false;
        }
      }
      // A chosen day: every slot of it is taken by one of c's meetings; one that only a single
      // meeting can take is that meeting's.
      {
        const open = coreOf[c] & ~fixedMask[c];
        let once = 0;
        let twice = 0;
        for (const v of list) {
          twice |= once & mdom[v];
          once |= mdom[v];
        }
        if ((open & ~once) !== 0) return false;
        let lone = open & once & ~twice;
        while (lone) {
          const t = lowBit(lone);
          lone &= lone - 1;
          for (const v of list) {
            if (mdom[v] & (1 << t)) {
              if (!narrow(v, 1 << t)) return false;
              break;
            }
          }
        }
      }
      checked[c] = checking;
    }
    return true;
  };

  // Level 2 goes back to level 1 after this many dead ends: a search that only goes forward may
  // take a thousand steps (800 firms, 3,000 meetings) and still succeed.
  let leafFails = 0;
  const LEAF_LIMIT = 50;
  const LEAF_OUT = new Error('leaf');
  // Level 2: slots for the meetings inside the chosen days, by the same propagation.
  const slotOf = new Int32Array(N);
  const level2 = (): boolean => {
    if (leafFails > LEAF_LIMIT) throw LEAF_OUT;
    if (++nodes > limit) throw new Timeout();
    if ((nodes & 255) === 0 && now() > options.deadline) throw new Timeout();
    let best = -1;
    let bestSize = 99;
    for (let v = 0; v < N; v++) {
      const size = popcount(mdom[v]);
      if (size > 1 && size < bestSize) {
        bestSize = size;
        best = v;
        if (size === 2) break;
      }
    }
    if (best < 0) {
      for (let v = 0; v < N; v++) slotOf[v] = lowBit(mdom[v]);
      return true;
    }
    const values: number[] = [];
    let m = mdom[best];
    while (m) {
      const s = lowBit(m);
      m &= m - 1;
      values.push(s);
    }
    shuffle(values, rand);
    for (const s of values) {
      const mark = trail.length;
      setDom(best, 1 << s);
      if (propagate([va[best], vb[best]]) && level2()) return true;
      leafFails++;
      undo(mark);
    }
    return false;
  };

  const level1 = (): boolean => {
    if (++nodes > limit) throw new Timeout();
    if ((nodes & 255) === 0 && now() > options.deadline) throw new Timeout();
    let best = -1;
    let bestSize = 99;
    if (packed) {
      // Seats nearly all needed: days are laid from the left, like items packed into bins, the
      // firm whose day can start earliest first (then the fewest starts, the most dead ends).
      bestSize = Infinity;
      for (const c of firms) {
        const choices = popcount(starts[c]);
        if (choices <= 1) continue;
        const size = lowBit(starts[c]) * 64 + choices / weight[c];
        if (size < bestSize) {
          bestSize = size;
          best = c;
        }
      }
    } else {
      for (const c of firms) {
        const size = popcount(starts[c]) / weight[c];
        if (
          popcount(starts[c]) > 1 &&
          (size < bestSize || (size === bestSize && count[c] > count[best]))
        ) {
          bestSize = size;
          best = c;
        }
      }
    }
    if (best < 0) {
      if (options.stats) options.stats.leaves++;
      leafFails = 0;
      try {
        return level2();
      } catch (error) {
        if (error !== LEAF_OUT) throw error;
        return false;
      }
    }
    const values: number[] = [];
    let m = starts[best];
    while (m) {
      const s = lowBit(m);
      m &= m - 1;
      values.push(s);
    }
    if (!packed) shuffle(values, rand);
    const hinted = options.startHint?.[best] ?? -1;
    if (hinted >= 0) values.sort((x, y) => Math.abs(x - hinted) - Math.abs(y - hinted));
    // Tries `mask` as the starts of `best`: true when a schedule follows.
    const attempt = (mask: number): boolean => {
      const mark = trail.length;
      setStarts(best, mask);
      if (propagate([best])) {
        if (level1()) return true;
      } else if (failAt >= 0) {
        weight[failAt] += 1;
        weight[best] += 1;
      }
      undo(mark);
      return false;
    };
    if (packed) {
      // Laid from the left: the earliest start (the hinted one, when there is a hint), or any
      // other, with the firm to lay next chosen again (11 of 16 full-table seeds, against 9 of 16
      // trying each start in turn).
      const s = values[0];
      return attempt(1 << s) || attempt(starts[best] & ~(1 << s));
    }
    for (const s of values) if (attempt(1 << s)) return true;
    return false;
  };

  if (!propagate([...firms])) return 'infeasible';
  // When the firms' meetings need nearly every seat (less than PACKED_SLACK of the seats the
  // slots can hold is left over), the days must tile the seats like bins of the session's
  // length, and the search fills them from the left; otherwise it decides the firm with the
  // fewest possible starts first, in random order. (80 firms, 280 meetings, every table taken:
  // 4 of 6 seeds gap-free from the left, none otherwise; 80 firms, 302 meetings, half the seats
  // free: 6 of 6 otherwise, 3 of 6 from the left.)
  let seats = 0;
  for (let s = 0; s < S; s++) seats += Math.min(2 * tables, present[s] + maybe[s]) & ~1;
  const packed = seats - totalPresence < PACKED_SLACK * seats;
  const rootTrail = trail.length;
  let runLimit = Math.max(1000, 2 * N);
  let restarts = 0;
  try {
    for (;;) {
      nodes = 0;
      limit = runLimit;
      try {
        const found = level1();
        if (options.stats) options.stats.restarts = restarts;
        if (!found) return 'infeasible';
        return { slots: Int32Array.from(slotOf) };
      } catch (error) {
        if (!(error instanceof Timeout)) throw error;
        if (now() > options.deadline) return 'unknown';
        undo(rootTrail);
        restarts++;
        runLimit = Math.ceil(runLimit * 1.5);
      }
    }
  } finally {
    if (options.stats) {
      options.stats.nodes += nodes;
      options.stats.restarts = restarts;
    }
  }
}
