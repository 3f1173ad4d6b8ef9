import { performance } from 'node:perf_hooks';
import loadHighs, { type Highs } from 'highs';
import { checkSchedule } from '../src/scheduling/solver/check-schedule';
import type { ScheduleProblem, ScheduleResult } from '../src/scheduling/solver/schedule-types';
import { solveSchedule } from '../src/scheduling/solver/solve-schedule';
import { syntheticProblem } from '../src/scheduling/solver/synthetic-problems';
import { runPlanted } from './schedule-planted';
import { machine, option } from './support';

/**
 * `npm run bench:schedule`: the pure scheduler on synthetic sessions, against the upper bound of
 * the linear relaxation solved by HiGHS in the same run. Instances can be given as
 * `npm run bench:schedule -- 200x12x1500,1000x16x5000`.
 *
 * The LP: x[pair][slot] in [0, 1] for every candidate pair and slot where both companies are free;
 * per company and slot at most 1 (slots of fixed meetings excluded), per company at most its
 * maximum less its fixed meetings, per pair at most 1, per slot at most the tables left (when
 * limited). The scheduler's priority is strict (one more pair of a tier beats any number of
 * lower-tier pairs): as one weighted objective it would need weights 10^4 to 10^6 apart from tier
 * to tier, some 10^14 from end to end, too far apart for the LP's tolerances. So the bound is
 * lexicographic, as the scheduler's objective: maximise tier-0 pairs; keep that optimum (less
 * 1e-7, a tolerance that can only loosen the later bounds) and maximise tier 1; then tier 2; then
 * the tier-3 score. The percentage printed is the requests placed (tiers 0-2) over the sum of the
 * three request bounds; each tier's bound and the tier-3 score bound are printed too (a solution
 * with fewer pairs of a higher tier than its bound may exceed a lower tier's bound).
 *
 * HiGHS runs its interior-point method (with crossover, so the optimum is exact): 2-3 times faster
 * than the simplex here. The 1,000-company LPs take under a minute each, most of it for tier 3.
 * The 2,000-company ones have some 850,000 columns: their request stages alone took over 2
 * minutes on this machine (and the tier-3 stage far longer), so when the time-indexed LP has more
 * than LP_MAX_COLUMNS columns a weaker but valid bound replaces it: the same LP summed over slots
 * (one variable per pair; per company at most min(its maximum, its free slots); per pair at most
 * 1; tables summed over the session), solved in seconds. On the 1,000-company instances it gives
 * the same request bounds as the time-indexed LP, or one pair more. The line says which LP.
 *
 * `npm run bench:schedule -- --planted` runs brokerage events with a known optimum instead (see
 * schedule-planted.ts).
 */
const LP_MAX_COLUMNS = 400_000;

const instances = (process.argv[2] ?? '200x12x1500,1000x16x5000,2000x16x20000')
  .split(',')
  .map((text) => text.split('x').map(Number))
  .filter((parts) => parts.length === 3 && parts.every((x) => x > 0));

interface Bound {
  /** Tier-0, 1, 2 pair bounds and the tier-3 score bound, lexicographically. */
  tiers: number[];
  method: string;
  seconds: number;
}

/** Columns of the time-indexed LP (or of the aggregated one), with rows as CSC. */
function buildLp(problem: ScheduleProblem, aggregated: boolean) {
  const S = problem.slots;
  const n = problem.companies.length;
  const fixedAt = new Uint8Array(n * S);
  const fixedCount = new Int32Array(n);
  const fixedPerSlot = new Int32Array(S);
  for (const { a, b, slot } of problem.fixed) {
    fixedAt[a * S + slot] = 1;
    fixedAt[b * S + slot] = 1;
    fixedCount[a]++;
    fixedCount[b]++;
    fixedPerSlot[slot]++;
  }
  const free = (c: number, s: number): boolean =>
    problem.companies[c].available[s] === true && fixedAt[c * S + s] === 0;
  const freeSlots = problem.companies.map((_, c) => {
    let count = 0;
    for (let s = 0; s < S; s++) if (free(c, s)) count++;
    return count;
  });

  const rowUpper: number[] = [];
  // Per company: total meetings.
  for (let c = 0; c < n; c++) {
    const left = Math.max(0, problem.companies[c].maxMeetings - fixedCount[c]);
    rowUpper.push(aggregated ? Math.min(left, freeSlots[c]) : left);
  }
  // Per slot (or for the session): tables.
  const tableRow = rowUpper.length;
  if (problem.tables !== null) {
    if (aggregated) {
      let left = 0;
      for (let s = 0; s < S; s++) left += Math.max(0, problem.tables - fixedPerSlot[s]);
      rowUpper.push(left);
    } else {
      for (let s = 0; s < S; s++) rowUpper.push(Math.max(0, problem.tables - fixedPerSlot[s]));
    }
  }
  // Per company and slot (time-indexed only), created on first use.
  const slotRow = new Int32Array(n * S).fill(-1);
  const pairRow = new Int32Array(problem.pairs.length).fill(-1);

  const starts: number[] = [0];
  const indices: number[] = [];
  const tier: number[] = [];
  const score: number[] = [];
  const seen = new Set<number>();
  problem.pairs.forEach((pair, p) => {
    const { a, b } = pair;
    const key = a < b ? a * n + b : b * n + a;
    let common = false;
    for (let s = 0; s < S && !common; s++) common = free(a, s) && free(b, s);
    if (a === b || !common || seen.has(key)) return;
    seen.add(key);
    const column = (extra: number[]) => {
      indices.push(a, b, ...extra);
      starts.push(indices.length);
      tier.push(pair.tier);
      score.push(pair.score);
    };
    if (aggregated) {
      column(problem.tables !== null ? [tableRow] : []);
      return;
    }
    for (let s = 0; s < S; s++) {
      if (!free(a, s) || !free(b, s)) continue;
      if (pairRow[p] < 0) {
        pairRow[p] = rowUpper.length;
        rowUpper.push(1);
      }
      for (const c of [a, b]) {
        if (slotRow[c * S + s] < 0) {
          slotRow[c * S + s] = rowUpper.length;
          rowUpper.push(1);
        }
      }
      column([
        pairRow[p],
        slotRow[a * S + s],
        slotRow[b * S + s],
        ...(problem.tables !== null ? [tableRow + s] : []),
      ]);
    }
  });
  return { starts, indices, tier, score, rowUpper };
}

function lpBound(highs: Highs, problem: ScheduleProblem): Bound {
  const started = performance.now();
  let lp = buildLp(problem, false);
  let method = 'time-indexed LP';
  if (lp.tier.length > LP_MAX_COLUMNS) {
    lp = buildLp(problem, true);
    method = `slot-aggregated LP (time-indexed one has over ${LP_MAX_COLUMNS / 1000}k columns)`;
  }
  const { starts, indices, tier, score, rowUpper } = lp;
  const numCols = tier.length;
  const numRows = rowUpper.length;
  const tiers: number[] = [];
  if (numCols === 0) return { tiers: [0, 0, 0, 0], method, seconds: 0 };
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(numCols),
    colLower: new Float64Array(numCols),
    // Tier-3 columns only matter for the last stage.
    colUpper: Float64Array.from(tier, (t) => (t === 3 ? 0 : 1)),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csc',
      numRows,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false, solver: 'ipm' });
    const all = { kind: 'range', from: 0, to: numCols - 1 } as const;
    for (let t = 0; t < 4; t++) {
      if (t === 3)
        model.changeColsBounds(all, new Float64Array(numCols), new Float64Array(numCols).fill(1));
      model.changeColsCost(
        all,
        Float64Array.from(tier, (x, j) => (x !== t ? 0 : t === 3 ? score[j] : 1)),
      );
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
        throw new Error(`LP stage ${t}: status ${model.getModelStatus()}`);
      }
      const best = model.getObjectiveValue();
      tiers.push(best);
      if (t < 3) {
        const columns = tier.flatMap((x, j) => (x === t ? [j] : []));
        if (columns.length > 0) {
          model.addRow(best - 1e-7 * Math.max(1, best), highs.infinity, {
            indices: Int32Array.from(columns),
            values: new Float64Array(columns.length).fill(1),
          });
        }
      }
    }
  } finally {
    model.dispose();
  }
  return { tiers, method, seconds: (performance.now() - started) / 1000 };
}

function line(
  problem: ScheduleProblem,
  requests: number,
  skew: boolean,
  result: ScheduleResult,
  seconds: number,
  bound: Bound,
): string {
  const placed = result.placedByTier;
  const requested = result.requestedByTier;
  const score = result.meetings
    .filter(({ pair }) => problem.pairs[pair].tier === 3)
    .reduce((sum, { pair }) => sum + problem.pairs[pair].score, 0);
  const requestBound = bound.tiers[0] + bound.tiers[1] + bound.tiers[2];
  const share =
    requestBound === 0 ? 100 : (100 * (placed[0] + placed[1] + placed[2])) / requestBound;
  const tiers = [0, 1, 2]
    .map((t) => `tier${t} ${placed[t]}/${requested[t]} (LP ${bound.tiers[t].toFixed(1)})`)
    .join('  ');
  return (
    `schedule ${String(problem.companies.length).padStart(5)} firms ${String(problem.slots).padStart(2)} slots ` +
    `${String(requests).padStart(6)} requests  skew=${skew ? 'yes' : 'no '} ${seconds.toFixed(2).padStart(6)} s ` +
    `${share.toFixed(2).padStart(6)} % of LP bound  ${tiers}  ` +
    `tier3 ${placed[3]}/${requested[3]} score ${score} (LP ${bound.tiers[3].toFixed(0)}, ` +
    `${bound.tiers[3] > 0 ? ((100 * score) / bound.tiers[3]).toFixed(1) : '100.0'} %)  ` +
    `breaks ${result.totalBreaks} spread ${result.breakSpread}  ` +
    `[${bound.method}, ${bound.seconds.toFixed(1)} s]`
  );
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  if (process.argv.includes('--planted')) {
    const windows = option('windows');
    runPlanted(
      option('planted'),
      Number(option('seeds') ?? 1),
      windows === undefined ? undefined : Number(windows),
    );
    return;
  }
  const highs = await loadHighs();
  for (const [companies, slots, requests] of instances) {
    for (const skew of [false, true]) {
      const problem = syntheticProblem({ companies, slots, requests, skew, seed: 42 });
      const started = performance.now();
      const result = solveSchedule(problem);
      const seconds = (performance.now() - started) / 1000;
      const violations = checkSchedule(problem, result);
      if (violations.length > 0) {
        throw new Error(`invalid schedule: ${violations.slice(0, 5).join('; ')}`);
      }
      const bound = lpBound(highs, problem);
      console.log(line(problem, requests, skew, result, seconds, bound));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
