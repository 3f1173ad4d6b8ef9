import { random, shuffle } from './random';
import type {
  FixedMeeting,
  ScheduleProblem,
  SolverCompany,
  SolverPair,
  Tier,
} from './schedule-types';

export interface SyntheticOptions {
  companies: number;
  slots: number;
  /** Requested pairs (tiers 0-2). */
  requests: number;
  /** Popularity follows a Zipf law: a few companies are asked very often. */
  skew: boolean;
  seed: number;
  /** Tier-3 filler pairs with scores (default twice the requests). */
  fillers?: number;
  /** Fixed meetings between other pairs (default none). */
  fixed?: number;
  /** Tables per slot (default null: no limit). */
  tables?: number | null;
}

/**
 * A realistic random session: most companies available all along, some only for a morning or an
 * afternoon or with gaps; 6 to 10 meetings each; requests between random pairs (about 10% accepted
 * and mutual, 30% accepted, 60% pending), and filler pairs with match scores.
 */
export function syntheticProblem(options: SyntheticOptions): ScheduleProblem {
  const { companies: n, slots: S, skew } = options;
  const rand = random(options.seed);
  const int = (k: number): number => Math.floor(rand() * k);

  const companies: SolverCompany[] = [];
  for (let c = 0; c < n; c++) {
    const kind = rand();
    let available: boolean[];
    if (kind < 0.7 || S < 2) {
      available = Array.from({ length: S }, () => true);
    } else if (kind < 0.85) {
      const length = Math.max(1, Math.round(S * (0.4 + 0.4 * rand())));
      const from = rand() < 0.5 ? 0 : S - length;
      available = Array.from({ length: S }, (_, s) => s >= from && s < from + length);
    } else {
      available = Array.from({ length: S }, () => rand() >= 0.25);
    }
    companies.push({ available, maxMeetings: 6 + int(5) });
  }

  // Popularity: Zipf (weight 1 / rank) over a random ranking, or uniform.
  const rank = shuffle(
    Array.from({ length: n }, (_, c) => c),
    rand,
  );
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += skew ? 1 / (r + 1) : 1;
    cumulative[r] = sum;
  }
  const popular = (): number => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo];
  };

  const taken = new Set<number>();
  const key = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const maxPairs = (n * (n - 1)) / 2;
  const pairs: SolverPair[] = [];
  const draw = (count: number, target: () => number, make: (a: number, b: number) => void) => {
    let attempts = 0;
    let made = 0;
    while (made < count && taken.size < maxPairs && attempts < count * 50) {
      attempts++;
      const a = int(n);
      const b = target();
      if (a === b || taken.has(key(a, b))) continue;
      taken.add(key(a, b));
      make(a, b);
      made++;
    }
  };
  if (n >= 2) {
    draw(options.requests, popular, (a, b) => {
      const r = rand();
      const tier: Tier = r < 0.1 ? 0 : r < 0.4 ? 1 : 2;
      pairs.push({ a, b, tier, score: 20 + int(81) });
    });
  }

  const fixed: FixedMeeting[] = [];
  if (n >= 2 && (options.fixed ?? 0) > 0) {
    const used = new Set<number>();
    const count = new Int32Array(n);
    draw(
      options.fixed ?? 0,
      () => int(n),
      (a, b) => {
        const free: number[] = [];
        for (let s = 0; s < S; s++) {
          if (
            companies[a].available[s] &&
            companies[b].available[s] &&
            !used.has(a * S + s) &&
            !used.has(b * S + s)
          ) {
            free.push(s);
          }
        }
        if (free.length === 0) return;
        if (count[a] >= companies[a].maxMeetings || count[b] >= companies[b].maxMeetings) return;
        const slot = free[int(free.length)];
        used.add(a * S + slot);
        used.add(b * S + slot);
        count[a]++;
        count[b]++;
        fixed.push({ a, b, slot });
      },
    );
  }

  if (n >= 2) {
    draw(
      options.fillers ?? 2 * options.requests,
      () => int(n),
      (a, b) => {
        pairs.push({ a, b, tier: 3, score: 1 + int(100) });
      },
    );
  }
  return { slots: S, tables: options.tables ?? null, companies, pairs, fixed };
}
