/**
 * Readable scoring of one pair with human-readable reasons, written from the viewer's side about
 * the other firm. Same formulas as the kernel (score-kernel.ts), without the speed tricks; tests
 * hold the two to the same scores.
 */
import { taxonomyPhrase } from '../../companies/taxonomy';
import {
  COMPONENTS,
  availableSlots,
  componentApplies,
  normalisedWeights,
  sideOf,
  tagWeight,
} from './scoring-rules';
import type { ReasonCode, ReasonParams } from './reason.wire';
import type {
  ComponentName,
  Ineligibility,
  Reason,
  ScoringProfile,
  ScoringSession,
} from './scoring-types';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Names that read better in a trade context than CLDR's ("Hong Kong SAR China"). */
const SHORTER: Record<string, string> = { HK: 'Hong Kong', MO: 'Macao' };

/** "English" for `en`, "Canada" for `CA`; the code itself when the name is unknown. */
function nameOf(names: Intl.DisplayNames, code: string): string {
  try {
    return SHORTER[code] ?? names.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface PairExplanation {
  eligible: boolean;
  ineligibility?: Ineligibility;
  /** 0..100, rounded to 1 decimal; 0 when ineligible. */
  score: number;
  /** One per applicable component, strongest contribution first; empty when ineligible. */
  reasons: Reason[];
}

/** Tag rarity over the session's companies: N and each tag's document frequency. */
export interface TagRarity {
  companies: number;
  df: ReadonlyMap<string, number>;
}

/** Why the pair cannot meet, or null when it can. Checks run in the order of Ineligibility. */
export function ineligibility(
  a: ScoringProfile,
  b: ScoringProfile,
  session: ScoringSession,
): Ineligibility | null {
  if (a.id === b.id) return 'same-company';
  if (session.crossBorderOnly && a.country === b.country) return 'same-country';
  if (session.sides !== null) {
    const sideA = sideOf(a.country, session);
    const sideB = sideOf(b.country, session);
    if (sideA < 0 || sideB < 0) return 'no-side';
    if (sideA === sideB) return 'same-side';
  }
  if (session.mode === 'video' && commonSlots(a, b, session).common === 0) return 'no-common-time';
  return null;
}

function commonSlots(
  a: ScoringProfile,
  b: ScoringProfile,
  session: ScoringSession,
): { common: number; availableA: number; availableB: number } {
  const slotsA = availableSlots(a, session);
  const slotsB = availableSlots(b, session);
  return {
    common: slotsA.filter((available, s) => available && slotsB[s]).length,
    availableA: slotsA.filter(Boolean).length,
    availableB: slotsB.filter(Boolean).length,
  };
}

/** A component's exact value (0..1) with its sentence, and its code and parameters to word it. */
interface Component {
  value: number;
  text: string;
  code: ReasonCode;
  params: ReasonParams;
}

/**
 * The exact (unrounded) score 0..100 of a pair, or -1 when ineligible. Symmetric. This is the
 * reference the kernel is tested against; explainPair rounds it.
 */
export function referenceScore(
  a: ScoringProfile,
  b: ScoringProfile,
  session: ScoringSession,
  rarity: TagRarity,
): number {
  if (ineligibility(a, b, session) !== null) return -1;
  const components = describe(a, b, session, rarity);
  const weights = normalisedWeights(session);
  return COMPONENTS.reduce(
    (sum, name, i) =>
      componentApplies(name, session) ? sum + weights[i] * components[name].value : sum,
    0,
  );
}

export function explainPair(
  viewer: ScoringProfile,
  other: ScoringProfile,
  session: ScoringSession,
  rarity: TagRarity,
): PairExplanation {
  const why = ineligibility(viewer, other, session);
  if (why !== null) return { eligible: false, ineligibility: why, score: 0, reasons: [] };

  const components = describe(viewer, other, session, rarity);
  const weights = normalisedWeights(session);
  let score = 0;
  const ranked: { reason: Reason; contribution: number }[] = [];
  COMPONENTS.forEach((name, i) => {
    if (!componentApplies(name, session)) return;
    const { value, text, code, params } = components[name];
    score += weights[i] * value;
    ranked.push({
      reason: {
        component: name,
        value: round(value, 3),
        weight: session.weights[name],
        text,
        code,
        params,
      },
      contribution: session.weights[name] * value,
    });
  });
  // Array.prototype.sort is stable: equal contributions keep the COMPONENTS order.
  ranked.sort((x, y) => y.contribution - x.contribution);
  return { eligible: true, score: round(score, 1), reasons: ranked.map((r) => r.reason) };
}

function describe(
  viewer: ScoringProfile,
  other: ScoringProfile,
  session: ScoringSession,
  rarity: TagRarity,
): Record<ComponentName, Component> {
  return {
    complementarity: complementarity(viewer, other, rarity),
    sector: sector(viewer, other),
    partnerType: partnerType(viewer, other),
    market: market(viewer, other),
    language: language(viewer, other),
    timeOverlap: timeOverlap(viewer, other, session),
  };
}

function complementarity(
  viewer: ScoringProfile,
  other: ScoringProfile,
  rarity: TagRarity,
): Component {
  const weight = (tag: string): number => tagWeight(rarity.companies, rarity.df.get(tag) ?? 1);
  /** cov(X.offers → Y.seeks): the rarity-weighted share of Y's seeks that X offers. */
  const coverage = (
    offers: readonly string[],
    seeks: readonly string[],
  ): { value: number; met: string[] } => {
    const offered = new Set(offers);
    const sought = [...new Set(seeks)];
    const total = sought.reduce((sum, tag) => sum + weight(tag), 0);
    const met = sought.filter((tag) => offered.has(tag));
    const value = total > 0 ? met.reduce((sum, tag) => sum + weight(tag), 0) / total : 0;
    // Rarest first (they say most about the fit), then alphabetical.
    met.sort((x, y) => weight(y) - weight(x) || (x < y ? -1 : x > y ? 1 : 0));
    return { value, met };
  };
  const offered = coverage(other.offers, viewer.seeks); // what the other firm brings the viewer
  const sought = coverage(viewer.offers, other.seeks); // what the viewer brings the other firm
  const parts: string[] = [];
  if (offered.met.length > 0)
    parts.push(`offers ${listTags(offered.met)}, which ${viewer.name} seeks`);
  if (sought.met.length > 0)
    parts.push(`seeks ${listTags(sought.met)}, which ${viewer.name} offers`);
  const code: ReasonCode =
    offered.met.length > 0 && sought.met.length > 0
      ? 'complementarity.both'
      : offered.met.length > 0
        ? 'complementarity.offers'
        : sought.met.length > 0
          ? 'complementarity.seeks'
          : 'complementarity.none';
  return {
    value: (offered.value + sought.value) / 2,
    text:
      parts.length > 0
        ? sentence(parts.join('; '))
        : 'No offer of either firm meets what the other seeks.',
    code,
    params:
      code === 'complementarity.none'
        ? {}
        : { viewer: viewer.name, offered: offered.met, sought: sought.met },
  };
}

function sector(viewer: ScoringProfile, other: ScoringProfile): Component {
  const { common, union } = overlap(viewer.sectors, other.sectors);
  return {
    value: union > 0 ? common.length / union : 0,
    text:
      common.length > 0
        ? `Both work in ${joinList(common.map(taxonomyPhrase))}.`
        : 'No sector in common.',
    ...(common.length > 0
      ? { code: 'sector.common', params: { sectors: common } }
      : { code: 'sector.none', params: {} }),
  };
}

function partnerType(viewer: ScoringProfile, other: ScoringProfile): Component {
  const { common, sizeA, sizeB } = overlap(viewer.partnerTypes, other.partnerTypes);
  const smaller = Math.min(sizeA, sizeB);
  return {
    value: smaller > 0 ? common.length / smaller : 0,
    text:
      common.length > 0
        ? `Both look for ${joinList(common.map(taxonomyPhrase))} partnerships.`
        : 'Looks for other kinds of partnership.',
    ...(common.length > 0
      ? { code: 'partnerType.common', params: { partnerTypes: common } }
      : { code: 'partnerType.none', params: {} }),
  };
}

function market(viewer: ScoringProfile, other: ScoringProfile): Component {
  const parts: string[] = [];
  let value = 0;
  if (viewer.targetMarkets.includes(other.country)) {
    value += 0.5;
    parts.push(`based in ${nameOf(regionNames, other.country)}, a market ${viewer.name} targets`);
  }
  if (other.targetMarkets.includes(viewer.country)) {
    value += 0.5;
    parts.push(`targets ${nameOf(regionNames, viewer.country)}, where ${viewer.name} is based`);
  }
  const theirs = viewer.targetMarkets.includes(other.country);
  const yours = other.targetMarkets.includes(viewer.country);
  return {
    value,
    text: parts.length > 0 ? sentence(parts.join('; ')) : "Neither targets the other's market.",
    code:
      theirs && yours
        ? 'market.both'
        : theirs
          ? 'market.theirs'
          : yours
            ? 'market.yours'
            : 'market.none',
    params:
      theirs || yours
        ? { viewer: viewer.name, country: other.country, viewerCountry: viewer.country }
        : {},
  };
}

function language(viewer: ScoringProfile, other: ScoringProfile): Component {
  const { common } = overlap(viewer.languages, other.languages);
  return {
    value: common.length > 0 ? 1 : 0,
    text:
      common.length > 0
        ? `Both speak ${joinList(common.map((code) => nameOf(languageNames, code)))}.`
        : 'No language in common.',
    ...(common.length > 0
      ? { code: 'language.common', params: { languages: common } }
      : { code: 'language.none', params: {} }),
  };
}

function timeOverlap(
  viewer: ScoringProfile,
  other: ScoringProfile,
  session: ScoringSession,
): Component {
  const { common, availableA, availableB } = commonSlots(viewer, other, session);
  const smaller = Math.min(availableA, availableB);
  return {
    value: smaller > 0 ? common / smaller : 0,
    text:
      common > 0
        ? `Available at the same time in ${common} of ${smaller} slots.`
        : 'No common available time.',
    ...(common > 0
      ? { code: 'timeOverlap.common', params: { common, of: smaller } }
      : { code: 'timeOverlap.none', params: {} }),
  };
}

/** Common values (in the viewer's order) and the set sizes, duplicates ignored. */
function overlap(
  viewerValues: readonly string[],
  otherValues: readonly string[],
): { common: string[]; union: number; sizeA: number; sizeB: number } {
  const a = new Set(viewerValues);
  const b = new Set(otherValues);
  const common = [...a].filter((value) => b.has(value));
  return { common, union: a.size + b.size - common.length, sizeA: a.size, sizeB: b.size };
}

/** At most 3 tags, then how many more: "a, b, c and 2 more". */
function listTags(tags: readonly string[]): string {
  if (tags.length <= 3) return joinList(tags);
  return `${tags.slice(0, 3).join(', ')} and ${tags.length - 3} more`;
}

/** "a", "a and b", "a, b and c". */
function joinList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
