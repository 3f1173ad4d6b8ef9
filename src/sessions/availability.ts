import type { FieldErrors } from '../common/app-error';
import type { WireFieldRules } from '../common/field-rules.wire';
import type { AvailabilityWindow } from './participant.entity';

export interface Interval {
  from: number;
  to: number;
}

/**
 * Checks availability windows against the session window and puts them in order, merging
 * overlaps. Returns the problems per window index, or the normalised windows.
 */
export function normaliseAvailability(
  windows: readonly AvailabilityWindow[],
  session: { startsAt: Date; endsAt: Date },
): { windows: AvailabilityWindow[]; problems: FieldErrors; rules: WireFieldRules } {
  const problems: FieldErrors = {};
  const rules: WireFieldRules = {};
  const intervals: Interval[] = [];
  windows.forEach((window, index) => {
    const from = Date.parse(window.from);
    const to = Date.parse(window.to);
    if (to <= from) {
      problems[`availability[${index}].to`] = ['must be after from'];
      rules[`availability[${index}].to`] = [{ rule: 'after', params: { field: 'from' } }];
    } else if (from < session.startsAt.getTime() || to > session.endsAt.getTime()) {
      problems[`availability[${index}]`] = [
        `must lie inside the session, ${session.startsAt.toISOString()} to ${session.endsAt.toISOString()}`,
      ];
      rules[`availability[${index}]`] = [
        {
          rule: 'withinSession',
          params: { first: session.startsAt.toISOString(), last: session.endsAt.toISOString() },
        },
      ];
    } else {
      intervals.push({ from, to });
    }
  });
  intervals.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return {
    windows: merged.map((interval) => ({
      from: new Date(interval.from).toISOString(),
      to: new Date(interval.to).toISOString(),
    })),
    problems,
    rules,
  };
}

/** Windows as epoch-millisecond intervals (for scoring and scheduling). */
export function toIntervals(windows: readonly AvailabilityWindow[]): Interval[] {
  return windows.map((window) => ({ from: Date.parse(window.from), to: Date.parse(window.to) }));
}
