import { performance } from 'node:perf_hooks';
import { checkSchedule } from '../src/scheduling/solver/check-schedule';
import { plantedProblem, type PlantedOptions } from '../src/scheduling/solver/planted-problems';
import { solveSchedule } from '../src/scheduling/solver/solve-schedule';

/**
 * `npm run bench:schedule -- --planted`: the scheduler on brokerage events with a planted
 * schedule that places every meeting without a single break (`plantedProblem`), so the optimum is
 * known: all placed, 0 breaks. Sizes of the real events of Bofill et al. (JAIR 2022: 40-80 firms,
 * 125-302 meetings, 8-22 slots, 12-27 tables, 5-12 % of slots forbidden per firm, some meetings in
 * the morning or the afternoon only), two of them with the tables full all session, and one at 10
 * times that size. `--planted 60x220x14x20,800x3000x22x270` (firms x meetings x slots x tables)
 * chooses the instances, with 8 % forbidden slots (the default instances keep their own share);
 * `--seeds N` runs seeds 1 to N of each;
 * `--windows 0.3` sets the share of meetings with a window (default 0.2). Every schedule is
 * checked (`checkSchedule`): a line says how many violations it has, and the run fails at the
 * end if any had one.
 */
const DEFAULT: Omit<PlantedOptions, 'seed'>[] = [
  [40, 125, 8, 16, 0.05],
  [45, 140, 12, 12, 0.12],
  [50, 180, 12, 16, 0.06],
  [60, 220, 14, 20, 0.1],
  [70, 260, 18, 22, 0.12],
  [80, 302, 22, 27, 0.07],
  [80, 280, 20, 14, 0.09],
  [800, 3000, 22, 270, 0.08],
].map(([firms, meetings, slots, tables, forbiddenShare]) => ({
  firms,
  meetings,
  slots,
  tables,
  forbiddenShare,
  windowShare: 0.2,
}));

function instances(list: string | undefined): Omit<PlantedOptions, 'seed'>[] {
  if (list === undefined || list.startsWith('--')) return DEFAULT;
  return list.split(',').map((text) => {
    const parts = text.split('x').map(Number);
    if (parts.length !== 4 || !parts.every((x) => Number.isInteger(x) && x > 0)) {
      throw new Error(`--planted ${text}: expected firms x meetings x slots x tables`);
    }
    const [firms, meetings, slots, tables] = parts;
    // One of the default instances keeps its own forbidden share; any other size gets 8 %.
    const known = DEFAULT.find(
      (d) =>
        d.firms === firms && d.meetings === meetings && d.slots === slots && d.tables === tables,
    );
    return {
      firms,
      meetings,
      slots,
      tables,
      forbiddenShare: known?.forbiddenShare ?? 0.08,
      windowShare: 0.2,
    };
  });
}

const pad = (value: number | string, width: number): string => String(value).padStart(width);

export function runPlanted(list: string | undefined, seeds: number, windowShare?: number): void {
  let runs = 0;
  let invalid = 0;
  let complete = 0;
  let optimal = 0;
  for (const options of instances(list)) {
    for (let seed = 1; seed <= seeds; seed++) {
      const { problem } = plantedProblem({
        ...options,
        windowShare: windowShare ?? options.windowShare,
        seed,
      });
      const started = performance.now();
      const result = solveSchedule(problem);
      const seconds = (performance.now() - started) / 1000;
      const violations = checkSchedule(problem, result);
      if (violations.length > 0) invalid++;
      const placed = result.meetings.length;
      const requested = problem.pairs.length;
      const withBreaks = result.breaks.filter((b) => b > 0).length;
      const idle = result.idleSlots.reduce((sum, x) => sum + x, 0);
      runs++;
      if (placed === requested) complete++;
      if (placed === requested && result.totalBreaks === 0) optimal++;
      console.log(
        `planted ${pad(options.firms, 4)} firms ${pad(options.meetings, 5)} meetings ` +
          `${pad(options.slots, 2)} slots ${pad(options.tables, 3)} tables ` +
          `forbidden ${pad(Math.round(options.forbiddenShare * 100), 2)} % ` +
          `windows ${Math.round((windowShare ?? options.windowShare) * 100)} %  seed ${seed}  ` +
          `${pad(seconds.toFixed(2), 5)} s  placed ${placed}/${requested} ` +
          `(${((100 * placed) / requested).toFixed(2)} %)  ` +
          `breaks ${pad(result.totalBreaks, 4)} (planted optimum 0)  spread ${result.breakSpread}  ` +
          `firms with breaks ${withBreaks}/${options.firms}  idle slots ${idle}  ` +
          (violations.length === 0
            ? 'checks ok'
            : `${violations.length} VIOLATIONS: ${violations.slice(0, 3).join('; ')}`),
      );
    }
  }
  console.log(
    `planted: ${complete}/${runs} with every meeting placed, ${optimal}/${runs} also with 0 breaks`,
  );
  if (invalid > 0) throw new Error(`${invalid}/${runs} planted schedules break a hard constraint`);
}
