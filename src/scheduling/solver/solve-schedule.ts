import type {
  PlacedMeeting,
  ScheduleProblem,
  ScheduleResult,
  SolveOptions,
  UnplacedReason,
} from './schedule-types';

/*
 * Pure meeting scheduler.
 *
 * State: `occ[c * S + s]` is the pair that company c meets in slot s, or FREE, BLOCKED (not
 * available) or FIXED (a fixed meeting). Every change of a pair's slot goes through `setSlot`, which
 * keeps degrees, per-slot table counts and (when recording) an undo log up to date, so any
 * tentative move can be rolled back exactly.
 *
 * Objective: strict priority of tiers, then the sum of scores. A pair's value is its tier's base
 * (2^36, 2^28, 2^20, 0) plus its score rounded to 1/64: all sums of up to 2^7 values are exact
 * doubles, and a move changes far fewer pairs, so comparing a move's gain with 0 is exact and one
 * more pair of a tier outweighs any number of lower-tier pairs a move can drop.
 *
 * 1. Greedy, tier by tier, most constrained pairs first; a pair goes to a common free slot, or to a
 *    slot freed by a Kempe chain (swapping two slots along an alternating path of meetings).
 * 2. Local search by ejection chains with rollback, from every unplaced pair by priority: place it
 *    in a slot, evicting the meetings in the way (the two companies' meetings in that slot, one
 *    meeting of a company at its maximum, one meeting of a full slot), then for each evicted
 *    meeting either move it elsewhere (recursively), or drop it and give its freed partner another
 *    unplaced pair (recursively: augmenting paths of the b-matching), or just drop it. A chain is
 *    kept only if its total gain is positive. Depth grows 1, 2, 3 while moves are found; the search
 *    stops when a full pass finds nothing or the time budget is spent.
 */

const FREE = -1;
const BLOCKED = -2;
const FIXED = -3;

const TIER_BASE = [2 ** 36, 2 ** 28, 2 ** 20, 0];
/** Longest Kempe chain tried. */
const MAX_CHAIN = 24;
/** Unplaced pairs tried to refill a company freed by an eviction. */
const REFILL_TRIES = 3;
/** Work units (search nodes and chain steps) per root move. */
const MOVE_WORK = 4000;
const MAX_DEPTH = 3;

type Continuation = (gain: number) => boolean;

function pairValue(tier: number, score: number): number {
  const s = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  return (TIER_BASE[tier] ?? 0) + Math.round(s * 64) / 64;
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Scheduler {
  readonly S: number;
  readonly n: number;
  readonly P: number;
  readonly T: number;
  readonly cap: Int32Array;
  readonly deg: Int32Array;
  readonly occ: Int32Array;
  readonly tab: Int32Array;
  readonly pa: Int32Array;
  readonly pb: Int32Array;
  readonly val: Float64Array;
  readonly tier: Uint8Array;
  readonly slotOf: Int32Array;
  /** 1 when the pair may be scheduled (valid, not a duplicate, not already meeting, a common slot). */
  readonly cand: Uint8Array;
  readonly adjStart: Int32Array;
  readonly adj: Int32Array;
  /** Slots by decreasing number of available companies: the scarce slots are used last. */
  readonly slotOrder: Int32Array;
  /** Pairs of each slot (only when tables are limited): items, lengths, positions. */
  readonly slotItems: Int32Array;
  readonly slotLen: Int32Array;
  readonly slotPos: Int32Array;
  readonly slotWidth: number;
  readonly lock: Uint8Array;
  readonly lockStack: number[] = [];
  readonly logP: number[] = [];
  readonly logS: number[] = [];
  recording = false;
  work = 0;
  private readonly chain: number[] = [];
  private readonly chainSlot: number[] = [];

  constructor(problem: ScheduleProblem) {
    const S = Math.max(0, Math.floor(problem.slots));
    const n = problem.companies.length;
    const P = problem.pairs.length;
    this.S = S;
    this.n = n;
    this.P = P;
    this.T =
      problem.tables === null || problem.tables === undefined
        ? Infinity
        : Math.max(0, Math.floor(problem.tables));
    this.cap = new Int32Array(n);
    this.deg = new Int32Array(n);
    this.occ = new Int32Array(n * S);
    this.tab = new Int32Array(S);
    const availableCount = new Int32Array(S);
    problem.companies.forEach((company, c) => {
      this.cap[c] = Math.max(0, Math.floor(company.maxMeetings));
      for (let s = 0; s < S; s++) {
        const free = company.available[s] === true;
        this.occ[c * S + s] = free ? FREE : BLOCKED;
        if (free) availableCount[s]++;
      }
    });
    const key = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
    const meeting = new Set<number>();
    for (const f of problem.fixed) {
      const { a, b, slot } = f;
      if (!(a >= 0 && a < n && b >= 0 && b < n && a !== b && slot >= 0 && slot < S)) continue;
      if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(slot)) continue;
      this.occ[a * S + slot] = FIXED;
      this.occ[b * S + slot] = FIXED;
      this.deg[a]++;
      this.deg[b]++;
      this.tab[slot]++;
      meeting.add(key(a, b));
    }

    this.pa = new Int32Array(P);
    this.pb = new Int32Array(P);
    this.val = new Float64Array(P);
    this.tier = new Uint8Array(P);
    this.slotOf = new Int32Array(P).fill(-1);
    this.cand = new Uint8Array(P);
    this.lock = new Uint8Array(P);
    const best = new Map<number, number>();
    problem.pairs.forEach((pair, p) => {
      const { a, b } = pair;
      this.tier[p] = pair.tier;
      this.val[p] = pairValue(pair.tier, pair.score);
      const valid =
        Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < n && b >= 0 && b < n && a !== b;
      if (!valid) return;
      this.pa[p] = a;
      this.pb[p] = b;
      const k = key(a, b);
      if (meeting.has(k)) return;
      let common = false;
      for (let s = 0; s < S && !common; s++) {
        common = this.occ[a * S + s] === FREE && this.occ[b * S + s] === FREE;
      }
      if (!common) return;
      // A pair meets at most once: of duplicate entries only the most valuable is a candidate.
      const other = best.get(k);
      if (other !== undefined) {
        if (this.val[other] >= this.val[p]) return;
        this.cand[other] = 0;
      }
      best.set(k, p);
      this.cand[p] = 1;
    });

    // Candidate pairs of each company, most valuable first.
    const count = new Int32Array(n + 1);
    for (let p = 0; p < P; p++) {
      if (this.cand[p]) {
        count[this.pa[p]]++;
        count[this.pb[p]]++;
      }
    }
    this.adjStart = new Int32Array(n + 1);
    for (let c = 0; c < n; c++) this.adjStart[c + 1] = this.adjStart[c] + count[c];
    this.adj = new Int32Array(this.adjStart[n]);
    const fill = this.adjStart.slice(0, n);
    for (let p = 0; p < P; p++) {
      if (this.cand[p]) {
        this.adj[fill[this.pa[p]]++] = p;
        this.adj[fill[this.pb[p]]++] = p;
      }
    }
    for (let c = 0; c < n; c++) {
      const list = Array.from(this.adj.subarray(this.adjStart[c], this.adjStart[c + 1]));
      list.sort((x, y) => this.val[y] - this.val[x] || x - y);
      this.adj.set(list, this.adjStart[c]);
    }

    this.slotOrder = Int32Array.from(
      Array.from({ length: S }, (_, s) => s).sort(
        (x, y) => availableCount[y] - availableCount[x] || x - y,
      ),
    );
    this.slotWidth = Number.isFinite(this.T) ? Math.min(this.T, Math.ceil(n / 2)) : 0;
    this.slotItems = new Int32Array(S * this.slotWidth);
    this.slotLen = new Int32Array(S);
    this.slotPos = new Int32Array(Number.isFinite(this.T) ? P : 0);
  }

  other(p: number, c: number): number {
    return this.pa[p] === c ? this.pb[p] : this.pa[p];
  }

  /** Moves pair p to slot s (-1: unplaced). The caller guarantees the slot is free for both. */
  setSlot(p: number, s: number): void {
    const old = this.slotOf[p];
    if (old === s) return;
    if (this.recording) {
      this.logP.push(p);
      this.logS.push(old);
    }
    this.apply(p, old, s);
  }

  private apply(p: number, old: number, s: number): void {
    const S = this.S;
    const u = this.pa[p];
    const v = this.pb[p];
    const limited = this.slotWidth > 0;
    if (old >= 0) {
      this.occ[u * S + old] = FREE;
      this.occ[v * S + old] = FREE;
      this.tab[old]--;
      if (limited) {
        const base = old * this.slotWidth;
        const last = this.slotItems[base + --this.slotLen[old]];
        const at = this.slotPos[p];
        this.slotItems[base + at] = last;
        this.slotPos[last] = at;
      }
    } else {
      this.deg[u]++;
      this.deg[v]++;
    }
    if (s >= 0) {
      this.occ[u * S + s] = p;
      this.occ[v * S + s] = p;
      this.tab[s]++;
      if (limited) {
        const at = this.slotLen[s]++;
        this.slotItems[s * this.slotWidth + at] = p;
        this.slotPos[p] = at;
      }
    } else {
      this.deg[u]--;
      this.deg[v]--;
    }
    this.slotOf[p] = s;
  }

  lockPair(p: number): void {
    if (this.lock[p]) return;
    this.lock[p] = 1;
    this.lockStack.push(p);
  }

  undoTo(mark: number, lockMark: number): void {
    while (this.logP.length > mark) {
      const p = this.logP.pop() as number;
      const old = this.logS.pop() as number;
      this.apply(p, this.slotOf[p], old);
    }
    while (this.lockStack.length > lockMark) this.lock[this.lockStack.pop() as number] = 0;
  }

  /** Places unplaced p (both companies below their maximum) without dropping any meeting. */
  fit(p: number): boolean {
    const S = this.S;
    const ou = this.pa[p] * S;
    const ov = this.pb[p] * S;
    for (let i = 0; i < S; i++) {
      const s = this.slotOrder[i];
      if (this.occ[ou + s] === FREE && this.occ[ov + s] === FREE && this.tab[s] < this.T) {
        this.setSlot(p, s);
        return true;
      }
    }
    return this.kempe(p, this.pa[p], this.pb[p]) || this.kempe(p, this.pb[p], this.pa[p]);
  }

  /**
   * u is free in slot a where v has a meeting, v is free in slot b: swap a and b along the
   * alternating path of meetings starting with v's meeting in a; then u and v are both free in a.
   */
  private kempe(p: number, u: number, v: number): boolean {
    const S = this.S;
    const occ = this.occ;
    const ou = u * S;
    const ov = v * S;
    const chain = this.chain;
    for (let i = 0; i < S; i++) {
      const a = this.slotOrder[i];
      if (occ[ou + a] !== FREE || occ[ov + a] < 0) continue;
      for (let j = 0; j < S; j++) {
        const b = this.slotOrder[j];
        if (b === a || occ[ov + b] !== FREE) continue;
        if (this.work <= 0) return false;
        chain.length = 0;
        let x = v;
        let c = a;
        let d = b;
        let ok = false;
        for (;;) {
          const m = occ[x * S + c];
          if (m === FREE) {
            ok = true;
            break;
          }
          if (m < 0 || chain.length >= MAX_CHAIN) break;
          chain.push(m);
          x = this.other(m, x);
          if (x === u) break;
          const t = c;
          c = d;
          d = t;
        }
        this.work -= chain.length;
        if (!ok) continue;
        const odd = (chain.length & 1) === 1;
        if (odd ? this.tab[b] >= this.T : this.tab[a] >= this.T) continue;
        const slots = this.chainSlot;
        slots.length = 0;
        for (const m of chain) {
          slots.push(this.slotOf[m] === a ? b : a);
          this.setSlot(m, -1);
        }
        for (let k = 0; k < chain.length; k++) this.setSlot(chain[k], slots[k]);
        this.setSlot(p, a);
        return true;
      }
    }
    return false;
  }

  /** The least valuable movable meeting of company c outside slot `except`, or -1. */
  private cheapestOf(c: number, except: number): number {
    const S = this.S;
    let best = -1;
    for (let s = 0; s < S; s++) {
      if (s === except) continue;
      const m = this.occ[c * S + s];
      if (m >= 0 && !this.lock[m] && (best < 0 || this.val[m] < this.val[best])) best = m;
    }
    return best;
  }

  /** The least valuable movable meeting in slot s other than x and y, or -1. */
  private cheapestIn(s: number, x: number, y: number): number {
    let best = -1;
    const base = s * this.slotWidth;
    for (let i = 0; i < this.slotLen[s]; i++) {
      const m = this.slotItems[base + i];
      if (m === x || m === y || this.lock[m]) continue;
      if (best < 0 || this.val[m] < this.val[best]) best = m;
    }
    return best;
  }

  /**
   * Places unplaced pair p, possibly evicting meetings (up to `depth` levels of evictions), and
   * calls k with the gain so far. Returns true with everything applied when k accepted; otherwise
   * undoes everything it did and returns false.
   */
  tryAdd(p: number, depth: number, gain: number, k: Continuation): boolean {
    if (this.work <= 0) return false;
    this.work -= 1;
    const S = this.S;
    const u = this.pa[p];
    const v = this.pb[p];
    const ou = u * S;
    const ov = v * S;
    const gp = gain + this.val[p];
    const mark = this.logP.length;
    const lockMark = this.lockStack.length;
    this.lockPair(p);
    if (this.deg[u] < this.cap[u] && this.deg[v] < this.cap[v] && this.fit(p)) {
      if (k(gp)) return true;
      this.undoTo(mark, lockMark);
      return false;
    }
    if (depth <= 0) {
      this.undoTo(mark, lockMark);
      return false;
    }
    // Slots where p could go, with the meetings that would have to make room.
    const options: { s: number; cost: number; evict: number[] }[] = [];
    for (let s = 0; s < S; s++) {
      const e1 = this.occ[ou + s];
      const e2 = this.occ[ov + s];
      if (e1 < FREE || e2 < FREE) continue;
      if ((e1 >= 0 && this.lock[e1]) || (e2 >= 0 && this.lock[e2])) continue;
      const evict: number[] = [];
      let cost = 0;
      if (e1 >= 0) {
        evict.push(e1);
        cost += this.val[e1];
      }
      if (e2 >= 0) {
        evict.push(e2);
        cost += this.val[e2];
      }
      if (this.deg[u] - (e1 >= 0 ? 1 : 0) >= this.cap[u]) {
        const x = this.cheapestOf(u, s);
        if (x < 0) continue;
        evict.push(x);
        cost += this.val[x];
      }
      if (this.deg[v] - (e2 >= 0 ? 1 : 0) >= this.cap[v]) {
        const x = this.cheapestOf(v, s);
        if (x < 0) continue;
        evict.push(x);
        cost += this.val[x];
      }
      if (this.tab[s] - (e1 >= 0 ? 1 : 0) - (e2 >= 0 ? 1 : 0) >= this.T) {
        const x = this.slotWidth > 0 ? this.cheapestIn(s, e1, e2) : -1;
        if (x < 0) continue;
        evict.push(x);
        cost += this.val[x];
      }
      if (evict.length === 0) continue;
      options.push({ s, cost, evict });
    }
    options.sort((x, y) => x.cost - y.cost || x.evict.length - y.evict.length || x.s - y.s);
    for (const { s, cost, evict } of options) {
      if (this.work <= 0) break;
      for (const e of evict) {
        this.lockPair(e);
        this.setSlot(e, -1);
      }
      this.setSlot(p, s);
      if (this.resolve(evict, 0, u, v, depth, gp - cost, k)) return true;
      this.undoTo(mark, lockMark + 1);
    }
    this.undoTo(mark, lockMark);
    return false;
  }

  /** Deals with evicted meeting evict[i] (move it, or drop it and refill its partner, or drop it). */
  private resolve(
    evict: number[],
    i: number,
    u: number,
    v: number,
    depth: number,
    gain: number,
    k: Continuation,
  ): boolean {
    if (i === evict.length) return k(gain);
    const e = evict[i];
    const next: Continuation = (g) => this.resolve(evict, i + 1, u, v, depth, g, k);
    if (this.tryAdd(e, depth - 1, gain, next)) return true;
    for (const y of [this.pa[e], this.pb[e]]) {
      if (y === u || y === v) continue;
      let tried = 0;
      for (let j = this.adjStart[y]; j < this.adjStart[y + 1] && tried < REFILL_TRIES; j++) {
        const q = this.adj[j];
        if (this.slotOf[q] >= 0 || this.lock[q]) continue;
        tried++;
        if (this.tryAdd(q, depth - 1, gain, next)) return true;
      }
    }
    return next(gain);
  }
}

function now(): number {
  return performance.now();
}

/**
 * Places as many candidate pairs as possible into slots, by strict priority of tiers (then by
 * score), under every hard constraint. Deterministic for a given seed as long as the search ends
 * before the time budget (it stops by itself when a full pass finds no improving move).
 */
export function solveSchedule(
  problem: ScheduleProblem,
  options: SolveOptions = {},
): ScheduleResult {
  const started = now();
  const deadline = started + (options.timeBudgetMs ?? 1500);
  const rand = random(options.seed ?? 1);
  const x = new Scheduler(problem);
  const { S, P, n, occ, cap, deg, pa, pb } = x;

  // Greedy: by tier; within a tier pairs with few common slots, then pairs whose companies are
  // least in demand, then by value.
  const demand = new Float64Array(n);
  for (let p = 0; p < P; p++) {
    if (x.cand[p] && x.tier[p] < 3) {
      demand[pa[p]]++;
      demand[pb[p]]++;
    }
  }
  const pressure = (c: number): number => demand[c] / Math.max(1, cap[c] - deg[c]);
  const commonSlots = (p: number): number => {
    let count = 0;
    for (let s = 0; s < S; s++) {
      if (occ[pa[p] * S + s] === FREE && occ[pb[p] * S + s] === FREE) count++;
    }
    return count;
  };
  const candidates: number[] = [];
  for (let p = 0; p < P; p++) if (x.cand[p]) candidates.push(p);
  const tieBreak = new Float64Array(P);
  for (const p of candidates) tieBreak[p] = rand();
  const sortKey = new Float64Array(P);
  for (const p of candidates) {
    sortKey[p] =
      x.tier[p] < 3
        ? Math.min(commonSlots(p), 4) * 1e6 + pressure(pa[p]) + pressure(pb[p])
        : -x.val[p];
  }
  const order = candidates
    .slice()
    .sort(
      (p, q) =>
        x.tier[p] - x.tier[q] ||
        sortKey[p] - sortKey[q] ||
        x.val[q] - x.val[p] ||
        tieBreak[p] - tieBreak[q],
    );
  for (const p of order) {
    if (deg[pa[p]] < cap[pa[p]] && deg[pb[p]] < cap[pb[p]]) {
      x.work = MOVE_WORK;
      x.fit(p);
    }
  }

  const DBG = (globalThis as unknown as { DBG?: (m: string) => void }).DBG;
  const tierCount = (): string => {
    const c = [0, 0, 0, 0];
    for (let p = 0; p < P; p++) if (x.slotOf[p] >= 0) c[x.tier[p]]++;
    return c.join('/');
  };
  DBG?.(`greedy ${(now() - started).toFixed(0)} ms ${tierCount()}`);
  // Local search: roots by priority (tier, value).
  const roots = candidates.slice().sort((p, q) => x.val[q] - x.val[p] || tieBreak[p] - tieBreak[q]);
  x.recording = true;
  let clock = 1;
  const changedAt = new Int32Array(n).fill(1);
  const failedAt = new Int32Array(P);
  const failedDepth = new Int8Array(P);
  const accept: Continuation = (g) => g > 0;
  let outOfTime = false;
  for (let depth = 1; depth <= MAX_DEPTH && !outOfTime; depth++) {
    let improved = true;
    while (improved && !outOfTime) {
      improved = false;
      for (const p of roots) {
        if (x.slotOf[p] >= 0) continue;
        const u = pa[p];
        const v = pb[p];
        if (failedDepth[p] >= depth && failedAt[p] >= changedAt[u] && failedAt[p] >= changedAt[v]) {
          continue;
        }
        if (now() > deadline) {
          outOfTime = true;
          break;
        }
        x.work = MOVE_WORK;
        if (x.tryAdd(p, depth, 0, accept)) {
          clock++;
          for (const q of x.logP) {
            changedAt[pa[q]] = clock;
            changedAt[pb[q]] = clock;
          }
          improved = true;
        } else {
          failedAt[p] = clock;
          failedDepth[p] = depth;
        }
        x.logP.length = 0;
        x.logS.length = 0;
        x.undoTo(0, 0);
      }
      DBG?.(`depth ${depth} pass ${(now() - started).toFixed(0)} ms ${tierCount()} clock ${clock}`);
    }
  }

  // Result.
  const meetings: PlacedMeeting[] = [];
  const placedByTier: [number, number, number, number] = [0, 0, 0, 0];
  const requestedByTier: [number, number, number, number] = [0, 0, 0, 0];
  for (let p = 0; p < P; p++) {
    const t = x.tier[p];
    if (t <= 3) requestedByTier[t]++;
    if (x.slotOf[p] >= 0) {
      meetings.push({ pair: p, slot: x.slotOf[p] });
      placedByTier[t]++;
    }
  }
  const unplaced: { pair: number; reason: UnplacedReason }[] = [];
  problem.pairs.forEach((pair, p) => {
    if (pair.tier > 2 || x.slotOf[p] >= 0) return;
    const { a, b } = pair;
    const valid =
      Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < n && b >= 0 && b < n && a !== b;
    let common = 0;
    let full = 0;
    if (valid) {
      for (let s = 0; s < S; s++) {
        if (occ[a * S + s] >= FREE && occ[b * S + s] >= FREE) {
          common++;
          if (x.tab[s] >= x.T) full++;
        }
      }
    }
    let reason: UnplacedReason;
    if (common === 0) reason = 'no-common-slot';
    else if (deg[a] >= cap[a] || deg[b] >= cap[b]) reason = 'max-meetings';
    else if (full === common) reason = 'tables-full';
    else reason = 'slots-taken';
    unplaced.push({ pair: p, reason });
  });
  return { meetings, unplaced, placedByTier, requestedByTier };
}
