/**
 * Compiles a session's profiles into flat typed arrays for the scoring kernel: interned ids, bit
 * sets packed in 32-bit words, inverted tag indexes. Companies keep the indices 0..n-1 of the order
 * they are given in.
 */
import { availableSlots, normalisedWeights, sideOf, tagWeight } from './scoring-rules';
import type { ScoringProfile, ScoringSession } from './scoring-types';

export interface CompiledSession {
  /** Number of companies. */
  n: number;
  /** Company ids by index. */
  ids: string[];
  video: boolean;
  crossBorderOnly: boolean;
  hasSides: boolean;
  /**
   * 100 × weight / Σ applicable weights, in COMPONENTS order: complementarity, sector, partnerType,
   * market, language, timeOverlap (0 for in-person sessions).
   */
  weights: Float64Array;

  /** Interned tags (offers and seeks share one vocabulary) and their rarity weights ln(1 + n/df). */
  tags: string[];
  tagWeights: Float64Array;
  /** Company i offers the sorted tag ids offerTags[offerStart[i] .. offerStart[i + 1]). */
  offerStart: Int32Array;
  offerTags: Int32Array;
  seekStart: Int32Array;
  seekTags: Int32Array;
  /** Tag t is offered by the companies offerers[offerersStart[t] .. offerersStart[t + 1]), ascending. */
  offerersStart: Int32Array;
  offerers: Int32Array;
  seekersStart: Int32Array;
  seekers: Int32Array;
  /** Σ w(t) over the company's seeks, and its inverse (0 when it seeks nothing). */
  seekWeights: Float64Array;
  invSeekWeights: Float64Array;

  /** Countries present among the companies; country[i] indexes it. */
  countries: string[];
  country: Int32Array;
  /** 0 or 1, -1 when the company is on no side (or the session has no sides). */
  side: Int32Array;

  /** Bit sets: company i owns words [i × xxxWords, (i + 1) × xxxWords). At least one word each. */
  sectors: string[];
  sectorWords: number;
  sectorBits: Uint32Array;
  sectorCount: Int32Array;
  partnerTypes: string[];
  partnerWords: number;
  partnerBits: Uint32Array;
  partnerCount: Int32Array;
  languages: string[];
  languageWords: number;
  languageBits: Uint32Array;
  /** Target markets over `countries` (markets where no company of the session is based are dropped). */
  marketWords: number;
  marketBits: Uint32Array;
  /** Session slots the company is available in. */
  slotCount: number;
  slotWords: number;
  slotBits: Uint32Array;
  slotsAvailable: Int32Array;
  /**
   * reciprocals[i] = 1 / i (0 for i = 0) up to the largest denominator of a ratio component (sector
   * union, fewest partner types, fewest available slots): multiplying beats dividing in the kernel.
   */
  reciprocals: Float64Array;
}

/** Assigns ids 0, 1, 2… to strings in order of first sight. */
class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }
}

function wordsFor(count: number): number {
  return Math.max(1, Math.ceil(count / 32));
}

function setBit(bits: Uint32Array, base: number, bit: number): void {
  bits[base + (bit >>> 5)] |= 1 << (bit & 31);
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function popcountRange(bits: Uint32Array, base: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount32(bits[base + w]);
  return count;
}

/** Bit set of every company over a vocabulary interned on the fly. */
function packSets(lists: readonly (readonly string[])[]): {
  vocabulary: string[];
  words: number;
  bits: Uint32Array;
  count: Int32Array;
} {
  const interner = new Interner();
  const ids = lists.map((list) => list.map((value) => interner.intern(value)));
  const words = wordsFor(interner.values.length);
  const bits = new Uint32Array(lists.length * words);
  const count = new Int32Array(lists.length);
  ids.forEach((list, i) => {
    for (const id of list) setBit(bits, i * words, id);
    count[i] = popcountRange(bits, i * words, words);
  });
  return { vocabulary: interner.values, words, bits, count };
}

/** CSR layout of per-company sorted, de-duplicated id lists. */
function flatten(lists: readonly Int32Array[]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length;
  const values = new Int32Array(start[lists.length]);
  lists.forEach((list, i) => values.set(list, start[i]));
  return { start, values };
}

/** Inverted index: for each tag, the ascending companies whose list holds it. */
function invert(
  start: Int32Array,
  values: Int32Array,
  tagCount: number,
): { start: Int32Array; values: Int32Array } {
  const n = start.length - 1;
  const invStart = new Int32Array(tagCount + 1);
  for (let j = 0; j < values.length; j++) invStart[values[j] + 1]++;
  for (let t = 0; t < tagCount; t++) invStart[t + 1] += invStart[t];
  const fill = invStart.slice(0, tagCount);
  const invValues = new Int32Array(values.length);
  // Companies are visited in order, so every list comes out ascending.
  for (let i = 0; i < n; i++) {
    for (let j = start[i]; j < start[i + 1]; j++) invValues[fill[values[j]]++] = i;
  }
  return { start: invStart, values: invValues };
}

/** Throws a RangeError when two profiles share an id or a weight is negative or not finite. */
export function compileSession(
  profiles: readonly ScoringProfile[],
  session: ScoringSession,
): CompiledSession {
  const n = profiles.length;
  const video = session.mode === 'video';
  // The kernel tells companies apart by index; a company listed twice would be paired with itself.
  const ids = profiles.map((p) => p.id);
  if (new Set(ids).size !== n) throw new RangeError('Company ids must be unique within a session');

  // Tags: offers and seeks share one vocabulary; df counts each company once per tag.
  const tagInterner = new Interner();
  const toSortedIds = (tags: readonly string[]): Int32Array => {
    const ids = Int32Array.from(tags, (t) => tagInterner.intern(t)).sort();
    let unique = 0;
    for (let i = 0; i < ids.length; i++)
      if (i === 0 || ids[i] !== ids[i - 1]) ids[unique++] = ids[i];
    return ids.subarray(0, unique);
  };
  const offerLists = profiles.map((p) => toSortedIds(p.offers));
  const seekLists = profiles.map((p) => toSortedIds(p.seeks));
  const tagCount = tagInterner.values.length;
  const df = new Int32Array(tagCount);
  const seen = new Int32Array(tagCount).fill(-1);
  for (let i = 0; i < n; i++) {
    for (const list of [offerLists[i], seekLists[i]]) {
      for (const t of list) {
        if (seen[t] !== i) {
          seen[t] = i;
          df[t]++;
        }
      }
    }
  }
  const tagWeights = new Float64Array(tagCount);
  for (let t = 0; t < tagCount; t++) tagWeights[t] = tagWeight(n, df[t]);

  const offers = flatten(offerLists);
  const seeks = flatten(seekLists);
  const offerersIndex = invert(offers.start, offers.values, tagCount);
  const seekersIndex = invert(seeks.start, seeks.values, tagCount);
  const seekWeights = new Float64Array(n);
  const invSeekWeights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const t of seekLists[i]) sum += tagWeights[t];
    seekWeights[i] = sum;
    invSeekWeights[i] = sum > 0 ? 1 / sum : 0;
  }

  // Countries and sides.
  const countryInterner = new Interner();
  const country = Int32Array.from(profiles, (p) => countryInterner.intern(p.country));
  const countries = countryInterner.values;
  const side = Int32Array.from(profiles, (p) => sideOf(p.country, session));

  const marketWords = wordsFor(countries.length);
  const marketBits = new Uint32Array(n * marketWords);
  profiles.forEach((p, i) => {
    for (const market of p.targetMarkets) {
      const c = countryInterner.lookup(market);
      if (c !== undefined) setBit(marketBits, i * marketWords, c);
    }
  });

  const sectors = packSets(profiles.map((p) => p.sectors));
  const partners = packSets(profiles.map((p) => p.partnerTypes));
  const languages = packSets(profiles.map((p) => p.languages));

  const slotCount = session.slots.length;
  const slotWords = wordsFor(slotCount);
  const slotBits = new Uint32Array(n * slotWords);
  const slotsAvailable = new Int32Array(n);
  profiles.forEach((p, i) => {
    availableSlots(p, session).forEach((available, s) => {
      if (available) setBit(slotBits, i * slotWords, s);
    });
    slotsAvailable[i] = popcountRange(slotBits, i * slotWords, slotWords);
  });

  let maxDenominator = slotCount;
  for (let i = 0; i < n; i++) {
    maxDenominator = Math.max(maxDenominator, 2 * sectors.count[i], partners.count[i]);
  }
  const reciprocals = new Float64Array(maxDenominator + 1);
  for (let i = 1; i <= maxDenominator; i++) reciprocals[i] = 1 / i;

  return {
    n,
    ids,
    video,
    crossBorderOnly: session.crossBorderOnly,
    hasSides: session.sides !== null,
    weights: Float64Array.from(normalisedWeights(session)),
    tags: tagInterner.values,
    tagWeights,
    offerStart: offers.start,
    offerTags: offers.values,
    seekStart: seeks.start,
    seekTags: seeks.values,
    offerersStart: offerersIndex.start,
    offerers: offerersIndex.values,
    seekersStart: seekersIndex.start,
    seekers: seekersIndex.values,
    seekWeights,
    invSeekWeights,
    countries,
    country,
    side,
    sectors: sectors.vocabulary,
    sectorWords: sectors.words,
    sectorBits: sectors.bits,
    sectorCount: sectors.count,
    partnerTypes: partners.vocabulary,
    partnerWords: partners.words,
    partnerBits: partners.bits,
    partnerCount: partners.count,
    languages: languages.vocabulary,
    languageWords: languages.words,
    languageBits: languages.bits,
    marketWords,
    marketBits,
    slotCount,
    slotWords,
    slotBits,
    slotsAvailable,
    reciprocals,
  };
}
