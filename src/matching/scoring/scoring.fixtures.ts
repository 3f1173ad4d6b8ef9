import type { ScoringProfile, ScoringSession } from './scoring-types';
import { DEFAULT_WEIGHTS } from './scoring-types';

/** Test fixtures of the scoring specs (not part of the build). */
export const HOUR = 3_600_000;
export const T0 = Date.UTC(2030, 0, 10, 9);

/** A profile with nothing in it but what the test sets. */
export function profile(id: string, fields: Partial<ScoringProfile> = {}): ScoringProfile {
  return {
    id,
    name: `Firm ${id}`,
    country: 'CA',
    sectors: [],
    offers: [],
    seeks: [],
    partnerTypes: [],
    targetMarkets: [],
    languages: [],
    availability: [],
    ...fields,
  };
}

/** A video session of 8 one-hour slots from T0, with the default weights. */
export function session(fields: Partial<ScoringSession> = {}): ScoringSession {
  return {
    mode: 'video',
    crossBorderOnly: false,
    sides: null,
    slots: Array.from({ length: 8 }, (_, s) => ({
      startsAt: T0 + s * HOUR,
      endsAt: T0 + (s + 1) * HOUR,
    })),
    weights: { ...DEFAULT_WEIGHTS },
    ...fields,
  };
}
