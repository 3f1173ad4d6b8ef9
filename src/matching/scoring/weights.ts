import { DEFAULT_WEIGHTS, type ComponentName, type ScoringWeights } from './scoring-types';

const NAMES = Object.keys(DEFAULT_WEIGHTS) as ComponentName[];

/**
 * A complete set of weights: each weight given as a number over `base` (the defaults unless
 * said). A weight left out, `undefined` or `null` keeps the base's: an organiser who sends
 * `{sector: 0.3}` changes one weight, and weights stored partial by older versions read whole.
 * Numbers are kept as given (a negative or infinite one is refused by the scoring rules, loudly).
 */
export function mergeWeights(
  given: Partial<Record<ComponentName, unknown>> | null | undefined,
  base: ScoringWeights = DEFAULT_WEIGHTS,
): ScoringWeights {
  const merged = { ...base };
  for (const name of NAMES) {
    const value = given?.[name];
    if (typeof value === 'number') merged[name] = value;
  }
  return merged;
}
