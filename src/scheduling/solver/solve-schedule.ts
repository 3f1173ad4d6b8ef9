import type {
  PlacedMeeting,
  ScheduleProblem,
  ScheduleResult,
  SolveOptions,
  UnplacedReason,
} from './schedule-types';
import { breakSpread, scheduleGaps } from './breaks';
import { breakDelta, compactDays, firstMeetingSlots, rowGaps } from './compact-days';
import { completeRequests } from './complete-search';
import { gapFreeSchedule } from './interval-search';
import { random } from './random';

/*
 * Pure meeting scheduler (no I/O): a b-matching (each company meets at most maxMeetings others)
 * whose meetings must also get slots (one meeting per company and slot, tables per slot).
 *
 * State: `occ[c * S + s]` is the pair that company c meets in slot s, or FREE, BLOCKED (not
 * available) or FIXED (a fixed meeting). Every change of a pair's slot goes through `setSlot`, which
 * keeps degrees, per-slot table counts and (when recording) an undo log up to date, so any
 * tentative move is rolled back exactly.
 *
 * Objective, lexicographic: pairs of tier 0, then 1, then 2, then the fewest breaks, then their
 * smallest spread, then the tier-3 values, then (ties) the requests' scores. A pair's value is an integer: tier base (2^46, 2^38, 2^30) + score for a
 * request, score x 4 x 2^14 for a filler, (401 + score x 1.1) x 2^14 for a filler either firm
 * marked must-meet: above every other filler, still below 2^23 (fillers marked not-interested are
 * never candidates). A move changes far fewer than 2^7 pairs, so its gain is an exact double, and
 * one more pair of a tier outweighs all the lower parts a move can change.
 *
 * Requests first (they get at most REQUEST_SHARE of the budget unless they need no more):
 * 1. Greedy, tier by tier, pairs with few common slots and little demand first; a pair goes to a
 *    common free slot (slots free for most companies first), or to a slot freed by a Kempe chain
 *    (swapping two slots along an alternating path of meetings).
 * 2. Augmenting paths per tier, breadth first from each company with room: + new pair,
 *    - a meeting of the next company, + a new pair of that meeting's tier, ... up to a company
 *    with room or with a lower-tier meeting to drop: one more pair of the tier, no fewer of the
 *    higher tiers. Each new pair of the path is placed by an ejection chain (below).
 * 3. Ejection chains from every unplaced pair by value: place it in a slot, evicting the meetings
 *    in the way (the two companies' meetings there, one meeting of a company at its maximum, one
 *    meeting of a full slot); each evicted meeting is then moved elsewhere (recursively, which also
 *    covers moving meetings between slots), or dropped with its freed partner given another
 *    unplaced pair (recursively), or just dropped. Kept only if the total gain is positive.
 * 4. Deeper ejection chains for requests. If an accepted (or mutual) request is still out, the
 *    complete search (`complete-search.ts`) looks for a schedule of all of them; when it finds
 *    one, the pending requests are placed again around it. So a complete schedule that exists is
 *    not missed, within the time.
 * Breaks (gaps in a firm's day), with the placed requests kept: first a search for a schedule
 * with none, which chooses where each firm's unbroken day starts (`interval-search.ts`); failing
 * that within its share of the time, annealing over Kempe swaps (`compact-days.ts`: fewest breaks,
 * then their spread, then idle slots).
 * Then fillers, which never add a break to a firm's day: greedy by score into the slot that fills
 * a gap or extends a day, then ejection chains and augmenting paths that move a company's room to
 * where a better filler can use it, every move refused if a firm it touches ends with more breaks
 * (or the spread beyond 2). Every phase stops by itself when a pass finds nothing to improve.
 * Windows (a pair's allowed slots) hold in every placement and swap.
 */

const FREE = -1;
const BLOCKED = -2;
const FIXED = -3;

const TIER_BASE = [2 ** 46, 2 ** 38, 2 ** 30, 0];
/** Longest Kempe chain tried. */
const MAX_CHAIN = 24;
/** Unplaced pairs tried to refill a company freed by an eviction. */
const REFILL_TRIES = 3;
/** Work units (search nodes and chain steps) per root move. */
const MOVE_WORK = 4000;
const REQUEST_DEPTH = 2;
const FILLER_DEPTH = 2;
/**
 * Share of the breaks' budget for the search for gap-free days, firm by firm, that runs first, and
 * its most in milliseconds: on planted brokerage events it answers within a few tenths of a second
 * when it answers at all. On sessions with no gap-free schedule (most with pending requests and
 * scored pairs) it proves so at once, and annealing gets the time.
 */
const GAP_FREE_SHARE = 0.25;
const GAP_FREE_MAX_MS = 1000;
/**
 * Share of the breaks' budget for annealing, after the search for gap-free days when it found
 * nothing: annealing rarely stops by itself on large sessions, and the second half of a longer run
 * removed few breaks more (the synthetic sessions: 25 and 27 gaps, in twice the time).
 */
const ANNEALING_SHARE = 0.5;
/** The complete search for accepted requests may take this share of the breaks' default budget. */
const COMPLETE_SHARE = 0.5;
/** Time the fillers' search gets at least, after the breaks (ms). */
const FILLER_MIN_MS = 100;
/** Work for a root move deeper than one eviction. */
const DEEP_WORK = 400;
/** Share of the time budget the requests' phase may use. */
const REQUEST_SHARE = 0.6;
/** Longest augmenting path (edges), and paths tried from one company. */
const MAX_PATH = 15;
const PATH_ATTEMPTS = 32;
const FILLER_ATTEMPTS = 64;
/** Kempe chains tried to fit a pair: in the greedy and search, and when only moving a meeting. */
const KEMPE_TRIES_GREEDY = 64;
const KEMPE_TRIES = 16;
const KEMPE_TRIES_LEAF = 4;

type Continuation = (gain: number) => boolean;

/** A must-meet filler's value starts above every unmarked filler's (score x 4, at most 400). */
const MUST_MEET = 401;

function pairValue(tier: number, score: number, preference?: string): number {
  const s = Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0;
  if (tier < 3) return TIER_BASE[tier] + Math.round(s);
  // 401..511: the whole range of fillers stays below 2^9 x 2^14.
  if (preference === 'must-meet') return (MUST_MEET + Math.round(s * 1.1)) * 2 ** 14;
  return Math.round(s * 4) * 2 ** 14;
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
  /** adj[adjTier[c * 5 + t] .. adjTier[c * 5 + t + 1]) are company c's pairs of tier t. */
  readonly adjTier: Int32Array;
  /** Slots by decreasing number of available companies: the scarce slots are used last. */
  readonly slotOrder: Int32Array;
  /** Pairs of each slot (only when tables are limited): items, lengths, positions. */
  readonly slotItems: Int32Array;
  readonly slotLen: Int32Array;
  readonly slotPos: Int32Array;
  readonly slotWidth: number;
  readonly lock: Uint8Array;
  /** Pairs with a window: win[winBase[p] + s] is 1 when slot s is inside it; winBase -1: any. */
  readonly winBase: Int32Array;
  readonly win: Uint8Array;
  readonly lockStack: number[] = [];
  readonly logP: number[] = [];
  readonly logS: number[] = [];
  recording = false;
  /** Pairs of a tier above this are not used to refill a company during ejection chains. */
  maxTier = 3;
  /** Whether the changes logged since the move began may stay (besides their gain). */
  allows: () => boolean = () => true;
  /** Breadth-first search of augmenting paths: labels (by search id), roles, predecessors. */
  private readonly label: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly pred: Int32Array;
  private readonly dist: Int32Array;
  private readonly queue: Int32Array;
  private searchId = 0;
  work = 0;
  private kempeLeft = 0;
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
    this.winBase = new Int32Array(P).fill(-1);
    let windows = 0;
    for (const pair of problem.pairs) if (Array.isArray(pair.slots)) windows++;
    this.win = new Uint8Array(windows * S);
    windows = 0;
    problem.pairs.forEach((pair, p) => {
      if (!Array.isArray(pair.slots)) return;
      const base = windows++ * S;
      this.winBase[p] = base;
      for (const s of pair.slots)
        if (Number.isInteger(s) && s >= 0 && s < S) this.win[base + s] = 1;
    });
    const best = new Map<number, number>();
    problem.pairs.forEach((pair, p) => {
      const { a, b } = pair;
      this.tier[p] = pair.tier;
      this.val[p] = pairValue(pair.tier, pair.score, pair.preference);
      const valid =
        Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < n && b >= 0 && b < n && a !== b;
      if (!valid) return;
      this.pa[p] = a;
      this.pb[p] = b;
      // Either firm said no thanks: never proposed unless it is a request.
      if (pair.tier === 3 && pair.preference === 'not-interested') return;
      const k = key(a, b);
      if (meeting.has(k)) return;
      let common = false;
      for (let s = 0; s < S && !common; s++) {
        common = this.occ[a * S + s] === FREE && this.occ[b * S + s] === FREE && this.ok(p, s);
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
    this.adjTier = new Int32Array(n * 5);
    for (let c = 0; c < n; c++) {
      let j = this.adjStart[c];
      for (let t = 0; t <= 4; t++) {
        while (t < 4 && j < this.adjStart[c + 1] && this.tier[this.adj[j]] < t) j++;
        this.adjTier[c * 5 + t] = t === 4 ? this.adjStart[c + 1] : j;
      }
    }
    this.label = new Int32Array(8 * n);
    this.predEdge = new Int32Array(8 * n);
    this.pred = new Int32Array(8 * n);
    this.dist = new Int32Array(4 * n);
    this.queue = new Int32Array(4 * n);

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

  /** Slot s is inside pair p's window (always, for a pair without one). */
  ok(p: number, s: number): boolean {
    const base = this.winBase[p];
    return base < 0 || this.win[base + s] === 1;
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
  fit(p: number, kempeTries: number): boolean {
    const S = this.S;
    const ou = this.pa[p] * S;
    const ov = this.pb[p] * S;
    for (let i = 0; i < S; i++) {
      const s = this.slotOrder[i];
      if (
        this.occ[ou + s] === FREE &&
        this.occ[ov + s] === FREE &&
        this.tab[s] < this.T &&
        this.ok(p, s)
      ) {
        this.setSlot(p, s);
        return true;
      }
    }
    if (kempeTries <= 0) return false;
    this.kempeLeft = kempeTries;
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
      if (occ[ou + a] !== FREE || occ[ov + a] < 0 || !this.ok(p, a)) continue;
      for (let j = 0; j < S; j++) {
        const b = this.slotOrder[j];
        if (b === a || occ[ov + b] !== FREE) continue;
        if (this.work <= 0 || this.kempeLeft-- <= 0) return false;
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
          if (m < 0 || chain.length >= MAX_CHAIN || !this.ok(m, d)) break;
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

  /** Value of the best unplaced pair of company c that the current move may still use. */
  private bestUnplaced(c: number): number {
    for (let j = this.adjStart[c]; j < this.adjTier[c * 5 + this.maxTier + 1]; j++) {
      const q = this.adj[j];
      if (this.slotOf[q] < 0 && !this.lock[q]) return this.val[q];
    }
    return 0;
  }

  /** At most what dealing with evicted meeting e (not u-v) can win back: move it, or refill. */
  private recoverable(e: number, u: number, v: number): number {
    let best = this.val[e];
    const a = this.pa[e];
    const b = this.pb[e];
    if (a !== u && a !== v) best = Math.max(best, this.bestUnplaced(a));
    if (b !== u && b !== v) best = Math.max(best, this.bestUnplaced(b));
    return best;
  }

  /**
   * Places unplaced pair p, possibly evicting meetings (up to `depth` levels of evictions), and
   * calls k with the gain so far. `extra` is at most what k can still win. Returns true with
   * everything applied when k accepted; otherwise undoes everything it did and returns false.
   */
  tryAdd(p: number, depth: number, gain: number, extra: number, k: Continuation): boolean {
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
    if (this.deg[u] < this.cap[u] && this.deg[v] < this.cap[v]) {
      if (gp + extra <= 0) {
        this.undoTo(mark, lockMark);
        return false;
      }
      if (this.fit(p, depth > 0 ? KEMPE_TRIES : KEMPE_TRIES_LEAF)) {
        if (k(gp)) return true;
        this.undoTo(mark, lockMark);
        return false;
      }
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
      if (e1 < FREE || e2 < FREE || !this.ok(p, s)) continue;
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
      let hope = gp - cost + extra;
      for (const e of evict) hope += this.recoverable(e, u, v);
      if (hope <= 0) continue;
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
      if (this.resolve(evict, 0, u, v, depth, gp - cost, extra, k)) return true;
      this.undoTo(mark, lockMark + 1);
    }
    this.undoTo(mark, lockMark);
    return false;
  }

  /**
   * Deals with evicted meeting evict[i], u and v being the companies of the pair that took its
   * place: move it elsewhere without evicting, or drop it, or move it evicting others, or drop it
   * and give one of its companies another unplaced pair.
   */
  private resolve(
    evict: number[],
    i: number,
    u: number,
    v: number,
    depth: number,
    gain: number,
    extra: number,
    k: Continuation,
  ): boolean {
    if (i === evict.length) return k(gain);
    const e = evict[i];
    let rest = extra;
    for (let j = i + 1; j < evict.length; j++) rest += this.recoverable(evict[j], u, v);
    const next: Continuation = (g) => this.resolve(evict, i + 1, u, v, depth, g, extra, k);
    if (this.tryAdd(e, 0, gain, rest, next)) return true;
    if (gain + rest > 0 && next(gain)) return true;
    if (depth > 1 && this.tryAdd(e, depth - 1, gain, rest, next)) return true;
    for (const y of [this.pa[e], this.pb[e]]) {
      if (y === u || y === v) continue;
      let tried = 0;
      const end = this.adjTier[y * 5 + this.maxTier + 1];
      for (let j = this.adjStart[y]; j < end && tried < REFILL_TRIES; j++) {
        const q = this.adj[j];
        if (this.slotOf[q] >= 0 || this.lock[q]) continue;
        if (gain + this.val[q] + rest <= 0) break;
        tried++;
        if (this.tryAdd(q, depth - 1, gain, rest, next)) return true;
      }
    }
    return false;
  }

  /**
   * Company c could take one more pair of tier t (below its maximum, or dropping a lower tier);
   * for a filler f (t = 3), dropping a less valuable filler.
   */
  spare(c: number, t: number, f = -1): boolean {
    if (this.deg[c] < this.cap[c]) return true;
    const S = this.S;
    for (let s = 0; s < S; s++) {
      const m = this.occ[c * S + s];
      if (m < 0 || this.lock[m]) continue;
      if (f >= 0 ? this.tier[m] === 3 && this.val[m] < this.val[f] : this.tier[m] > t) return true;
    }
    return false;
  }

  /** A slot where a (giving up meeting `leaving`) and b (dropping a lower tier) are both free. */
  private endFits(q: number, a: number, b: number, leaving: number, t: number): boolean {
    const S = this.S;
    for (let s = 0; s < S; s++) {
      if (!this.ok(q, s)) continue;
      const x = this.occ[a * S + s];
      if (x !== FREE && x !== leaving) continue;
      const y = this.occ[b * S + s];
      if (y === FREE || (y >= 0 && this.tier[y] > t && !this.lock[y])) return true;
    }
    return false;
  }

  hasUnplaced(c: number, t: number): boolean {
    for (let j = this.adjTier[c * 5 + t]; j < this.adjTier[c * 5 + t + 1]; j++) {
      if (this.slotOf[this.adj[j]] < 0) return true;
    }
    return false;
  }

  /**
   * One more pair of tier t (for fillers: a better filler) through an alternating walk from
   * company x0, which has room for it: + a new tier-t pair to company b, - one of b's meetings
   * (tier <= t) with company c, + a new pair of that meeting's tier from c, ... up to a company with
   * room, or with a lower-tier meeting to drop (for fillers: a less valuable filler). Found breadth
   * first, without shrinking blossoms (a heuristic in general graphs); applied with `tryAdd` for
   * each new pair (slots, Kempe chains, evictions), and kept only if the whole gain is positive.
   */
  augmentFrom(x0: number, t: number, maxLength: number, attempts: number): boolean {
    const S = this.S;
    const n4 = this.n * 4;
    // Nodes: company c "outer" (to take a new pair of tier s) is c * 4 + s; "inner" (reached by
    // a new pair of tier s, to give up a meeting) is n4 + c * 4 + s. A walk may pass a company
    // more than once (it has several meetings).
    const id = ++this.searchId;
    const root = x0 * 4 + t;
    this.label[root] = id;
    this.dist[root] = 0;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = root;
    while (head < tail) {
      const node = this.queue[head++];
      const a = node >> 2;
      const s = node & 3;
      for (let j = this.adjTier[a * 5 + s]; j < this.adjTier[a * 5 + s + 1]; j++) {
        const q = this.adj[j];
        if (this.slotOf[q] >= 0) continue;
        const b = this.other(q, a);
        const inner = n4 + b * 4 + s;
        if (this.label[inner] === id) continue;
        if (
          b !== x0 &&
          this.spare(b, t, t === 3 ? q : -1) &&
          (t === 3 || this.endFits(q, a, b, node === root ? -1 : this.predEdge[node], t))
        ) {
          if (this.applyPath(q, node, root)) return true;
          if (--attempts <= 0) return false;
        }
        if (this.dist[node] + 2 >= maxLength) continue;
        this.label[inner] = id;
        this.predEdge[inner] = q;
        this.pred[inner] = node;
        for (let slot = 0; slot < S; slot++) {
          const m = this.occ[b * S + slot];
          if (m < 0 || this.tier[m] > t || m === q) continue;
          const c = this.other(m, b);
          const outer = c * 4 + this.tier[m];
          if (this.label[outer] === id) continue;
          this.label[outer] = id;
          this.predEdge[outer] = m;
          this.pred[outer] = inner;
          this.dist[outer] = this.dist[node] + 2;
          this.queue[tail++] = outer;
        }
      }
    }
    return false;
  }

  private applyPath(q: number, a: number, x0: number): boolean {
    const added = [q];
    const removed: number[] = [];
    for (let c = a; c !== x0;) {
      const m = this.predEdge[c];
      removed.push(m);
      const b = this.pred[c];
      added.push(this.predEdge[b]);
      c = this.pred[b];
    }
    // A walk through a company twice is fine (it has several meetings), through a pair twice not.
    if (new Set(added).size !== added.length || new Set(removed).size !== removed.length) {
      return false;
    }
    // Worth trying only if it gains even after dropping the cheapest meeting at a full end.
    let estimate = 0;
    for (const p of added) estimate += this.val[p];
    for (const m of removed) estimate -= this.val[m];
    for (const c of [this.other(q, a >> 2), x0 >> 2]) {
      if (this.deg[c] >= this.cap[c]) {
        const m = this.cheapestOf(c, -1);
        estimate -= m >= 0 ? this.val[m] : Infinity;
      }
    }
    if (estimate <= 0) return false;
    const mark = this.logP.length;
    const lockMark = this.lockStack.length;
    let gain = 0;
    for (const m of removed) {
      this.lockPair(m);
      this.setSlot(m, -1);
      gain -= this.val[m];
    }
    for (const p of added) this.lockPair(p);
    let rest = 0;
    for (const p of added) rest += this.val[p];
    this.work = MOVE_WORK;
    const addFrom = (i: number, g: number, left: number): boolean =>
      i === added.length
        ? g > 0 && this.allows()
        : this.tryAdd(added[i], 1, g, left - this.val[added[i]], (g2) =>
            addFrom(i + 1, g2, left - this.val[added[i]]),
          );
    if (addFrom(0, gain, rest)) return true;
    this.undoTo(mark, lockMark);
    return false;
  }
}

/** The default time for fewer breaks: grows with the placed requests (see SolveOptions). */
export function defaultBreakBudgetMs(meetings: number): number {
  return Math.min(18000, Math.max(1000, meetings * 5));
}

/** The default time budget: grows with the instance (see SolveOptions.timeBudgetMs). */
export function defaultTimeBudgetMs(pairs: number): number {
  return Math.min(2000, Math.max(250, pairs / 16));
}

function now(): number {
  return performance.now();
}

/**
 * Places as many candidate pairs as possible into slots, by strict priority of tiers (then by
 * score), under every hard constraint. Deterministic for a given seed as long as the search ends
 * before the time budget (it stops by itself when no move improves; the greedy start always runs).
 */
export function solveSchedule(
  problem: ScheduleProblem,
  options: SolveOptions = {},
): ScheduleResult {
  const started = now();
  const deadline = started + (options.timeBudgetMs ?? defaultTimeBudgetMs(problem.pairs.length));
  const rand = random(options.seed ?? 1);
  const x = new Scheduler(problem);
  const { S, P, n, occ, cap, deg, pa, pb } = x;

  const candidates: number[] = [];
  for (let p = 0; p < P; p++) if (x.cand[p]) candidates.push(p);
  const tieBreak = new Float64Array(P);
  for (const p of candidates) tieBreak[p] = rand();
  const requests = candidates.filter((p) => x.tier[p] < 3);
  const fillers = candidates.filter((p) => x.tier[p] === 3);

  // Greedy for requests: by tier; within a tier pairs with few common slots, then pairs whose
  // companies are least in demand, then by value.
  const demand = new Float64Array(n);
  for (const p of requests) {
    demand[pa[p]]++;
    demand[pb[p]]++;
  }
  const pressure = (c: number): number => demand[c] / Math.max(1, cap[c] - deg[c]);
  const commonSlots = (p: number): number => {
    let count = 0;
    for (let s = 0; s < S; s++) {
      if (occ[pa[p] * S + s] === FREE && occ[pb[p] * S + s] === FREE && x.ok(p, s)) count++;
    }
    return count;
  };
  const sortKey = new Float64Array(P);
  for (const p of requests) {
    sortKey[p] = Math.min(commonSlots(p), 4) * 1e6 + pressure(pa[p]) + pressure(pb[p]);
  }
  const greedy = (order: number[]): void => {
    for (const p of order) {
      if (x.slotOf[p] < 0 && deg[pa[p]] < cap[pa[p]] && deg[pb[p]] < cap[pb[p]]) {
        x.work = MOVE_WORK;
        x.fit(p, KEMPE_TRIES_GREEDY);
      }
    }
  };
  greedy(
    requests
      .slice()
      .sort(
        (p, q) =>
          x.tier[p] - x.tier[q] ||
          sortKey[p] - sortKey[q] ||
          x.val[q] - x.val[p] ||
          tieBreak[p] - tieBreak[q],
      ),
  );

  x.recording = true;
  let clock = 1;
  let afterMove = (): void => {};
  const changedAt = new Int32Array(n).fill(1);
  // The requests' phase may use most of the budget, not all of it: fillers get the rest.
  let limit = started + REQUEST_SHARE * (deadline - started);
  const timeUp = (): boolean => now() > limit;
  const settle = (kept: boolean): void => {
    if (kept) {
      afterMove();
      clock++;
      for (const q of x.logP) {
        changedAt[pa[q]] = clock;
        changedAt[pb[q]] = clock;
      }
    }
    x.logP.length = 0;
    x.logS.length = 0;
    x.undoTo(0, 0);
  };

  // Augmenting paths of each request tier, from every company with room.
  const companyOrder = Array.from({ length: n }, (_, c) => c);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [companyOrder[i], companyOrder[j]] = [companyOrder[j], companyOrder[i]];
  }
  const failedPathAt = new Int32Array(n * 4);
  const augment = (from: number, to: number): boolean => {
    let any = false;
    for (let t = from; t <= to && !timeUp(); t++) {
      let found = true;
      while (found && !timeUp()) {
        found = false;
        for (const c of companyOrder) {
          if (failedPathAt[c * 4 + t] === clock) continue;
          // For fillers, from a company with room or with a filler it may give up.
          while ((t === 3 ? x.spare(c, 2) : x.spare(c, t)) && x.hasUnplaced(c, t)) {
            if (timeUp()) break;
            const kept = x.augmentFrom(c, t, MAX_PATH, t === 3 ? FILLER_ATTEMPTS : PATH_ATTEMPTS);
            settle(kept);
            if (!kept) {
              failedPathAt[c * 4 + t] = clock;
              break;
            }
            found = any = true;
          }
        }
      }
    }
    return any;
  };

  // Ejection chains from unplaced pairs, by priority, with growing depth.
  const failedAt = new Int32Array(P);
  const failedDepth = new Int8Array(P);
  const accept: Continuation = (g) => g > 0 && x.allows();
  const chains = (roots: number[], maxDepth: number, work: number): boolean => {
    let any = false;
    for (let depth = 1; depth <= maxDepth && !timeUp(); depth++) {
      let improved = true;
      while (improved && !timeUp()) {
        improved = false;
        for (const p of roots) {
          if (x.slotOf[p] >= 0) continue;
          if (
            failedDepth[p] >= depth &&
            failedAt[p] >= changedAt[pa[p]] &&
            failedAt[p] >= changedAt[pb[p]]
          ) {
            continue;
          }
          if (timeUp()) break;
          x.work = depth === 1 ? MOVE_WORK : work;
          const kept = x.tryAdd(p, depth, 0, 0, accept);
          settle(kept);
          if (kept) {
            improved = any = true;
          } else {
            failedAt[p] = clock;
            failedDepth[p] = depth;
          }
        }
      }
    }
    return any;
  };

  const byValue = (list: number[]): number[] =>
    list.slice().sort((p, q) => x.val[q] - x.val[p] || tieBreak[p] - tieBreak[q]);
  const requestRoots = byValue(requests);
  const requestsPlaced = (): number => {
    let count = 0;
    for (const p of requests) if (x.slotOf[p] >= 0) count++;
    return count;
  };
  x.maxTier = 2;
  for (let round = 0; round < 10 && !timeUp(); round++) {
    augment(0, 2);
    const before = requestsPlaced();
    chains(requestRoots, 1, MOVE_WORK);
    if (requestsPlaced() === before) break;
  }

  chains(requestRoots, REQUEST_DEPTH, DEEP_WORK);

  // Never short of a complete schedule that exists: when an accepted (or mutual) request is left
  // out, a complete search for a schedule of all of them; if it finds one, the pending requests
  // are placed again around it.
  const accepted = requests.filter((p) => x.tier[p] <= 1);
  if (accepted.some((p) => x.slotOf[p] < 0)) {
    const found = completeRequests(problem, accepted, {
      deadline: now() + COMPLETE_SHARE * defaultBreakBudgetMs(accepted.length),
      hint: Int32Array.from(accepted, (p) => x.slotOf[p]),
    });
    if (typeof found === 'object') {
      for (const p of requests) x.setSlot(p, -1);
      accepted.forEach((p, i) => x.setSlot(p, found.slots[i]));
      settle(true);
      limit = Math.max(limit, now() + FILLER_MIN_MS);
      greedy(requestRoots.filter((p) => x.tier[p] === 2));
      chains(requestRoots, REQUEST_DEPTH, DEEP_WORK);
    }
  }

  // Breaks: the placed requests move between slots (never dropped) for compact days.
  x.recording = false;
  const placedRequests = requests.filter((p) => x.slotOf[p] >= 0);
  const breakStart = now();
  const breakBudget = options.breakBudgetMs ?? defaultBreakBudgetMs(placedRequests.length);
  const totalBreaks = (): number => {
    let total = 0;
    for (let c = 0; c < n; c++) total += rowGaps(x, c).breaks;
    return total;
  };
  // First a search for days with no break at all, firm by firm (interval-search.ts): on planted
  // brokerage events it answers within a tenth of a second when it answers; failing that,
  // annealing (it often comes close), then the search again, from the annealed days.
  const takeGapFree = (found: ReturnType<typeof gapFreeSchedule>): boolean => {
    if (typeof found !== 'object') return false;
    for (const p of placedRequests) x.setSlot(p, -1);
    placedRequests.forEach((p, i) => x.setSlot(p, found.slots[i]));
    return true;
  };
  const gapFree =
    totalBreaks() > 0
      ? gapFreeSchedule(problem, placedRequests, {
          deadline: breakStart + Math.min(GAP_FREE_SHARE * breakBudget, GAP_FREE_MAX_MS),
          seed: options.seed,
        })
      : 'infeasible';
  if (!takeGapFree(gapFree)) {
    compactDays(x, placedRequests, {
      deadline: now() + ANNEALING_SHARE * breakBudget,
      random: rand,
    });
    // The first search ran out of time (it neither found gap-free days nor proved there are
    // none): it runs again, trying each firm's annealed first slot first, since annealing leaves
    // most firms' days as a gap-free schedule has them (80 firms, 302 meetings: both seeds
    // gap-free with it, one without, in the same time), until the budget is spent (at most
    // GAP_FREE_MAX_MS).
    if (gapFree === 'unknown' && totalBreaks() > 0) {
      takeGapFree(
        gapFreeSchedule(problem, placedRequests, {
          deadline: Math.min(breakStart + breakBudget, now() + GAP_FREE_MAX_MS),
          seed: (options.seed ?? 1) + 1,
          startHint: firstMeetingSlots(x),
        }),
      );
    }
  }

  // Fillers never add a break to a firm's day: each move of theirs must leave every firm it
  // touches with no more breaks than before, and the spread within 2 (or as it was).
  const dayBreaks = new Int32Array(n);
  for (let c = 0; c < n; c++) dayBreaks[c] = rowGaps(x, c).breaks;
  const spreadLimit = Math.max(2, breakSpread(dayBreaks, deg));
  x.allows = () => {
    let fewer = false;
    for (const q of x.logP) {
      for (const c of [pa[q], pb[q]]) {
        const now = rowGaps(x, c).breaks;
        if (now > dayBreaks[c]) return false;
        if (now < dayBreaks[c]) fewer = true;
      }
    }
    if (!fewer) return true;
    const breaks = dayBreaks.slice();
    for (const q of x.logP) for (const c of [pa[q], pb[q]]) breaks[c] = rowGaps(x, c).breaks;
    return breakSpread(breaks, deg) <= spreadLimit;
  };
  afterMove = () => {
    for (const q of x.logP) {
      dayBreaks[pa[q]] = rowGaps(x, pa[q]).breaks;
      dayBreaks[pb[q]] = rowGaps(x, pb[q]).breaks;
    }
  };
  x.recording = true;

  // Fillers by score, each where it adds no break to either firm (filling a one-slot gap first);
  // again while a pass places any (a filler extends a day, where the next one may then fit).
  const fillerRoots = byValue(fillers);
  const placeFiller = (p: number): boolean => {
    const u = pa[p];
    const v = pb[p];
    if (deg[u] >= cap[u] || deg[v] >= cap[v]) return false;
    let bestSlot = -1;
    let bestDelta = 1;
    for (let i = 0; i < S && bestDelta > -2; i++) {
      const s = x.slotOrder[i];
      if (occ[u * S + s] !== FREE || occ[v * S + s] !== FREE) continue;
      if (x.tab[s] >= x.T || !x.ok(p, s)) continue;
      const du = breakDelta(x, u, s);
      const dv = breakDelta(x, v, s);
      if (du > 0 || dv > 0 || du + dv >= bestDelta) continue;
      bestDelta = du + dv;
      bestSlot = s;
    }
    if (bestSlot < 0) return false;
    x.setSlot(p, bestSlot);
    return true;
  };
  for (let pass = 0; pass < 4; pass++) {
    let any = false;
    for (const p of fillerRoots) {
      if (x.slotOf[p] < 0 && placeFiller(p)) {
        settle(true);
        any = true;
      }
    }
    if (!any) break;
  }
  // Then ejection chains, augmenting paths (moving a company's room to where a better filler
  // is) and deeper chains, every move under the same rule.
  limit = Math.max(deadline, now() + FILLER_MIN_MS);
  x.maxTier = 3;
  chains(fillerRoots, 1, MOVE_WORK);
  augment(3, 3);
  chains(fillerRoots, FILLER_DEPTH, DEEP_WORK);

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
        if (occ[a * S + s] >= FREE && occ[b * S + s] >= FREE && x.ok(p, s)) {
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
  return { meetings, unplaced, placedByTier, requestedByTier, ...scheduleGaps(problem, meetings) };
}
