import { random, shuffle } from './random';
import type { PlacedMeeting, ScheduleProblem, SolverCompany, SolverPair } from './schedule-types';

export interface PlantedOptions {
  firms: number;
  /** Meetings of the planted schedule: every one is an accepted request (tier 1) of the problem. */
  meetings: number;
  slots: number;
  tables: number;
  /**
   * Share of the firms' slots they are not available in (0.05-0.12 at real events), drawn among the
   * slots without a planted meeting, as evenly over the firms as their free slots allow.
   */
  forbiddenShare: number;
  /**
   * Share of the meetings limited to the half of the session that holds their planted slot (the
   * first ceil(slots / 2) slots, "morning", or the rest, "afternoon").
   */
  windowShare: number;
  seed: number;
}

export interface PlantedProblem {
  problem: ScheduleProblem;
  /** A complete schedule of every pair in which no firm has a break: the optimum, 0 breaks. */
  planted: PlacedMeeting[];
}

/** One firm's day in the planted schedule: it meets in every slot from `start` to `end` - 1. */
interface Run {
  start: number;
  end: number;
}

/** A generation that hit a dead end (a slot's firms could not all meet new partners). */
class DeadEnd extends Error {}

/**
 * A brokerage event (Bofill et al., JAIR 2022: the fixed meetings of a B2B forum placed in slots
 * and tables, fewest idle breaks) with a planted solution that has no break at all, so the optimum
 * is known: every meeting placed, 0 breaks, and a solver's breaks are its distance from it.
 *
 * The planted schedule is built from "lanes", one meeting seat held in turn by firms with
 * contiguous runs:
 * 1. meetings per slot: a single bump (a morning-to-afternoon peak at a random place) scaled to
 *    `meetings` in total and clipped at the tables (or half the firms), so that some slots are
 *    full (a tight instance is full everywhere);
 * 2. intervals of slots, one per table in use, each at least 2 slots long: walking the slots, an
 *    interval opens when a slot needs more meetings than the last one and a random one (of 2 slots
 *    or more) closes when it needs fewer; each interval holds a meeting in each of its slots and
 *    gives two lanes, its two seats;
 * 3. each lane is cut into runs of 2 slots or more, at random, until there is one run per firm;
 *    the runs go to the firms in a random order (lengths vary from 2 slots to the whole session);
 * 4. in each slot the firms whose run covers it (two per interval: an even number) are paired at
 *    random, never two firms that met already (a random greedy matching, repaired by swapping
 *    partners).
 * A dead end (a slot whose firms have all met, too few firms for the peak) starts again with the
 * generator's next numbers, and every other time with a peak one meeting lower (a flatter day, with
 * more firms present in the quiet slots), down to the average; some slot stays full when the peak
 * never had to come down.
 *
 * Then the problem: each meeting is a tier-1 pair (score 20-100) whose firms must meet; a firm's
 * maximum is its planted count (plus one for a quarter of them, which changes nothing since it has
 * no other pair); `forbiddenShare` of all firm-slots are unavailable, dealt evenly over the firms
 * among the slots they are free in; a `windowShare` of the meetings may only be held in their
 * planted half of the session. The pairs come in a random order, each with its firms in a random
 * order, and the firms' numbers are random, so nothing of the plant shows. Deterministic per seed.
 *
 * Needs 2 slots or more, 2 meetings or more per firm (meetings >= firms) and meetings <= slots x
 * min(tables, firms / 2), else a RangeError; also one when every attempt ends in a dead end (few
 * firms spread thinly over many slots, where some would have to meet the same partner twice).
 */
export function plantedProblem(options: PlantedOptions): PlantedProblem {
  const { firms: n, meetings: M, slots: S, tables: T } = options;
  for (const [name, value] of Object.entries({ firms: n, meetings: M, slots: S, tables: T })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} must be a positive integer`);
    }
  }
  for (const name of ['forbiddenShare', 'windowShare'] as const) {
    const share = options[name];
    if (!(share >= 0 && share <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
  }
  const perSlot = Math.min(T, Math.floor(n / 2));
  if (S < 2) throw new RangeError('slots must be 2 or more');
  if (M < n) throw new RangeError('meetings must be at least firms (2 meetings per firm)');
  if (M > S * perSlot) {
    throw new RangeError(
      `${M} meetings do not fit in ${S} slots of at most ${perSlot} meetings (tables, half the firms)`,
    );
  }
  const rand = random(options.seed);
  // A dead end starts again, with a lower peak every other time: a flatter day gives the firms of
  // the quiet slots more partners (and needs fewer firms at the peak).
  const lowest = Math.ceil(M / S);
  for (let attempt = 0; ; attempt++) {
    const most = Math.max(lowest, perSlot - Math.floor(attempt / 2));
    try {
      return plant(options, most, rand);
    } catch (error) {
      if (!(error instanceof DeadEnd)) throw error;
      if (most === lowest && attempt >= 2 * (perSlot - lowest) + 10) {
        throw new RangeError(`${n} firms, ${M} meetings, ${S} slots: ${error.message}`, {
          cause: error,
        });
      }
    }
  }
}

function plant(options: PlantedOptions, perSlot: number, rand: () => number): PlantedProblem {
  const { firms: n, meetings: M, slots: S, tables: T } = options;
  const int = (k: number): number => Math.floor(rand() * k);

  const profile = meetingsPerSlot(M, S, perSlot, rand);
  const runs = firmRuns(profile, n, rand);
  shuffle(runs, rand);

  // Pair the firms of each slot.
  const met = new Set<number>();
  const key = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const meetings: { a: number; b: number; slot: number }[] = [];
  for (let s = 0; s < S; s++) {
    const present: number[] = [];
    runs.forEach((run, c) => {
      if (run.start <= s && s < run.end) present.push(c);
    });
    const matching = pairUp(present, (a, b) => met.has(key(a, b)), rand);
    for (const [a, b] of matching) {
      met.add(key(a, b));
      meetings.push(rand() < 0.5 ? { a, b, slot: s } : { a: b, b: a, slot: s });
    }
  }

  // Forbidden slots: the share of all firm-slots, dealt one per firm per round among its free slots
  // (so a firm meeting in nearly every slot leaves its share to the others).
  const free = runs.map((run) =>
    shuffle(
      Array.from({ length: S }, (_, s) => s).filter((s) => s < run.start || s >= run.end),
      rand,
    ),
  );
  const available = runs.map(() => Array.from({ length: S }, () => true));
  let forbidden = Math.min(
    Math.round(options.forbiddenShare * n * S),
    free.reduce((sum, slots) => sum + slots.length, 0),
  );
  while (forbidden > 0) {
    for (const c of shuffle(
      runs.map((_, c) => c),
      rand,
    )) {
      const slot = forbidden > 0 ? free[c].pop() : undefined;
      if (slot === undefined) continue;
      available[c][slot] = false;
      forbidden--;
    }
  }
  const companies: SolverCompany[] = runs.map((run, c) => ({
    available: available[c],
    maxMeetings: run.end - run.start + (rand() < 0.25 ? 1 : 0),
  }));

  const morning = Math.ceil(S / 2);
  const half = (slot: number): number[] =>
    slot < morning
      ? Array.from({ length: morning }, (_, s) => s)
      : Array.from({ length: S - morning }, (_, s) => morning + s);
  const windowed = new Set(
    shuffle(
      meetings.map((_, i) => i),
      rand,
    ).slice(0, Math.round(options.windowShare * meetings.length)),
  );
  const order = shuffle(
    meetings.map((_, i) => i),
    rand,
  );
  const pairs: SolverPair[] = [];
  const planted: PlacedMeeting[] = [];
  for (const i of order) {
    const { a, b, slot } = meetings[i];
    const pair: SolverPair = { a, b, tier: 1, score: 20 + int(81) };
    if (windowed.has(i)) pair.slots = half(slot);
    planted.push({ pair: pairs.length, slot });
    pairs.push(pair);
  }
  return { problem: { slots: S, tables: T, companies, pairs, fixed: [] }, planted };
}

/**
 * Meetings in each slot, `total` in all, at most `most` each: one bump at a random place on a
 * floor, raised until its top reaches `most` (some full slots), then smoothed so that no slot
 * holds more than its two neighbours together (an interval opened in a slot must still be open in
 * the next, one closed must have lasted 2 slots).
 */
function meetingsPerSlot(total: number, S: number, most: number, rand: () => number): number[] {
  const center = (0.2 + 0.6 * rand()) * (S - 1);
  let width = Math.max(1, S * (0.15 + 0.2 * rand()));
  let share: number[] = [];
  // The lowest bump that fills a slot; a narrower one when even a high one spreads too wide.
  for (let full = false; !full && width > 0.1; width *= 0.8) {
    const bump = Array.from({ length: S }, (_, s) => Math.exp(-0.5 * ((s - center) / width) ** 2));
    for (let height = 0; !full && height <= 8; height += 0.25) {
      const weight = bump.map((b) => 1 + height * b);
      // The scale at which the clipped weights add up to the total (at `most`, all slots are full).
      let low = 0;
      let high = most;
      for (let i = 0; i < 60; i++) {
        const scale = (low + high) / 2;
        const sum = weight.reduce((x, w) => x + Math.min(most, scale * w), 0);
        if (sum < total) low = scale;
        else high = scale;
      }
      share = weight.map((w) => Math.min(most, high * w));
      full = Math.max(...share) >= most - 1e-6;
    }
  }
  // Whole meetings, largest remainders first.
  const count = share.map((x) => Math.floor(x + 1e-9));
  let left = total - count.reduce((x, c) => x + c, 0);
  const byRemainder = share
    .map((x, s) => ({ s, remainder: x - count[s] }))
    .sort((x, y) => y.remainder - x.remainder);
  while (left > 0) {
    for (const { s } of byRemainder) {
      if (left > 0 && count[s] < most) {
        count[s]++;
        left--;
      }
    }
  }
  // Smooth: move a meeting from a slot above its neighbours' sum to the smaller neighbour.
  const at = (s: number): number => (s >= 0 && s < S ? count[s] : 0);
  for (let step = 0; ; step++) {
    const s = count.findIndex((c, i) => c > at(i - 1) + at(i + 1));
    if (s < 0) return count;
    if (step > S * most) throw new DeadEnd('no smooth day of meetings');
    const target = s === 0 ? 1 : s === S - 1 ? S - 2 : at(s - 1) <= at(s + 1) ? s - 1 : s + 1;
    count[s]--;
    count[target]++;
  }
}

/**
 * Each firm's run of slots such that `profile[s]` pairs of firms are present in slot s, with
 * runs of at least 2 slots: intervals of meetings (opened when a slot needs more, a random one
 * closed when it needs fewer), two lanes each, cut at random into runs until there are `firms`.
 */
function firmRuns(profile: number[], firms: number, rand: () => number): Run[] {
  const S = profile.length;
  const intervals: Run[] = [];
  let open: number[] = [];
  for (let s = 0; s <= S; s++) {
    const wanted = s < S ? profile[s] : 0;
    while (open.length < wanted) open.push(s);
    if (open.length > wanted) {
      const closing = new Set(
        shuffle(
          open.flatMap((start, i) => (s - start >= 2 ? [i] : [])),
          rand,
        ).slice(0, open.length - wanted),
      );
      if (closing.size < open.length - wanted) throw new DeadEnd('an interval of one slot');
      open = open.filter((start, i) => {
        if (closing.has(i)) intervals.push({ start, end: s });
        return !closing.has(i);
      });
    }
  }
  if (2 * intervals.length > firms) {
    throw new DeadEnd(`too few firms: the busy slots need ${2 * intervals.length} in turn`);
  }
  const runs = intervals.flatMap((run) => [{ ...run }, { ...run }]);
  while (runs.length < firms) {
    const long = runs.filter((run) => run.end - run.start >= 4);
    if (long.length === 0) {
      throw new DeadEnd('too few meetings for every firm to meet twice');
    }
    const run = long[Math.floor(rand() * long.length)];
    const cut = run.start + 2 + Math.floor(rand() * (run.end - run.start - 3));
    runs.push({ start: cut, end: run.end });
    run.end = cut;
  }
  return runs;
}

/**
 * A perfect matching of `present` (an even number of firms) avoiding pairs that `met`: random
 * greedy, then each two firms left over take the partners of a matched pair if that pairs all
 * four anew. Throws DeadEnd after 10 tries.
 */
function pairUp(
  present: number[],
  met: (a: number, b: number) => boolean,
  rand: () => number,
): [number, number][] {
  for (let attempt = 0; attempt < 10; attempt++) {
    const order = shuffle([...present], rand);
    const matched = new Set<number>();
    const pairs: [number, number][] = [];
    const left: number[] = [];
    for (const a of order) {
      if (matched.has(a)) continue;
      const free = order.filter((b) => b !== a && !matched.has(b) && !met(a, b));
      if (free.length === 0) {
        left.push(a);
        matched.add(a);
        continue;
      }
      const b = free[Math.floor(rand() * free.length)];
      matched.add(a);
      matched.add(b);
      pairs.push([a, b]);
    }
    let stuck = false;
    while (left.length >= 2 && !stuck) {
      const a = left.pop() as number;
      const b = left.pop() as number;
      if (!met(a, b)) {
        pairs.push([a, b]);
        continue;
      }
      stuck = true;
      for (const i of shuffle(
        pairs.map((_, i) => i),
        rand,
      )) {
        const [x, y] = pairs[i];
        if (!met(a, x) && !met(b, y)) {
          pairs[i] = [a, x];
          pairs.push([b, y]);
        } else if (!met(a, y) && !met(b, x)) {
          pairs[i] = [a, y];
          pairs.push([b, x]);
        } else {
          continue;
        }
        stuck = false;
        break;
      }
    }
    if (!stuck && left.length === 0) return pairs;
  }
  throw new DeadEnd('a slot whose firms have all met');
}
