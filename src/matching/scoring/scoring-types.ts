/**
 * Types shared by the match-scoring module. The module is pure: no framework, no I/O, so that the
 * API, the worker and the benchmark can all run the same code.
 */

import type { ReasonCode, ReasonParams } from './reason.wire';

export interface ScoringProfile {
  id: string;
  name: string;
  country: string; // ISO alpha-2, upper case
  sectors: string[]; // taxonomy ids, e.g. 'fintech'
  offers: string[]; // free tags, already lower-case
  seeks: string[];
  partnerTypes: string[]; // e.g. 'distributor'
  targetMarkets: string[]; // ISO alpha-2 codes
  languages: string[]; // ISO 639-1
  /** Availability windows [from, to) as epoch ms; empty array = the whole session. */
  availability: { from: number; to: number }[];
}

export interface ScoringWeights {
  complementarity: number;
  sector: number;
  partnerType: number;
  market: number;
  language: number;
  timeOverlap: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  complementarity: 0.4,
  sector: 0.15,
  partnerType: 0.15,
  market: 0.15,
  language: 0.1,
  timeOverlap: 0.05,
};

export interface ScoringSession {
  mode: 'video' | 'in-person';
  crossBorderOnly: boolean;
  /** Two lists of country codes; every pair must have one firm from each side. null = no sides. */
  sides: [string[], string[]] | null;
  slots: { startsAt: number; endsAt: number }[]; // epoch ms, consecutive, non-overlapping
  weights: ScoringWeights;
}

export type Ineligibility =
  'same-company' | 'same-country' | 'no-side' | 'same-side' | 'no-common-time';

export type ComponentName =
  'complementarity' | 'sector' | 'partnerType' | 'market' | 'language' | 'timeOverlap';

export interface Reason {
  component: ComponentName;
  value: number /* 0..1, rounded to 3 decimals */;
  weight: number;
  /** In English; clients word `code` with `params` in their reader's language. */
  text: string;
  code: ReasonCode;
  params: ReasonParams;
}
