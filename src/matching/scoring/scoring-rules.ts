/**
 * Small rules shared by the compiler (fast kernel) and the explainer, so that both read the
 * session the same way. Everything here is cheap and runs once per company or per session.
 */
import type { ComponentName, ScoringProfile, ScoringSession } from './scoring-types';

/** Components in their canonical order (also the order of ties among reasons). */
export const COMPONENTS: readonly ComponentName[] = [
  'complementarity',
  'sector',
  'partnerType',
  'market',
  'language',
  'timeOverlap',
];

/** Whether a component counts in this session: time overlap only matters for video sessions. */
export function componentApplies(component: ComponentName, session: ScoringSession): boolean {
  return component !== 'timeOverlap' || session.mode === 'video';
}

/**
 * The weight of each component divided by the sum over the applicable ones, times 100, in
 * COMPONENTS order (0 for components that do not apply). All zeros when the weights sum to 0, so
 * every score is then 0. Throws on negative or non-finite weights.
 */
export function normalisedWeights(session: ScoringSession): number[] {
  let total = 0;
  for (const c of COMPONENTS) {
    const w = session.weights[c];
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`Weight of ${c} must be a finite number >= 0, got ${w}`);
    }
    if (componentApplies(c, session)) total += w;
  }
  return COMPONENTS.map((c) =>
    total > 0 && componentApplies(c, session) ? (100 * session.weights[c]) / total : 0,
  );
}

/** Side of a country: 0 if listed in sides[0], else 1 if in sides[1], else -1 (none). */
export function sideOf(country: string, session: ScoringSession): number {
  if (session.sides === null) return -1;
  if (session.sides[0].includes(country)) return 0;
  if (session.sides[1].includes(country)) return 1;
  return -1;
}

/**
 * Per session slot, whether the company can meet then: the slot [startsAt, endsAt) must lie entirely
 * inside one of its availability windows [from, to). No windows means the whole session.
 */
export function availableSlots(profile: ScoringProfile, session: ScoringSession): boolean[] {
  const windows = profile.availability;
  return session.slots.map(
    (slot) =>
      windows.length === 0 || windows.some((w) => w.from <= slot.startsAt && slot.endsAt <= w.to),
  );
}

/** Rarity weight of a tag held (offered or sought) by df of the n companies: ln(1 + n / df). */
export function tagWeight(companies: number, df: number): number {
  return Math.log(1 + companies / Math.max(df, 1));
}

/**
 * Document frequency of every tag over the session's companies (a tag counts once per company,
 * whether offered, sought or both), as explainPair wants it.
 */
export function tagRarity(profiles: readonly ScoringProfile[]): {
  companies: number;
  df: Map<string, number>;
} {
  const df = new Map<string, number>();
  for (const p of profiles) {
    for (const tag of new Set([...p.offers, ...p.seeks])) df.set(tag, (df.get(tag) ?? 0) + 1);
  }
  return { companies: profiles.length, df };
}
