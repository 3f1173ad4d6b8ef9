/**
 * Deterministic synthetic companies for tests and benchmarks, with skewed (Zipf-like) distributions
 * as real events have: a few tags, sectors and countries are very common, most are rare.
 */
import type { ScoringProfile, ScoringSession } from './scoring-types';
import { DEFAULT_WEIGHTS } from './scoring-types';

/** Small, fast, seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampler of indices 0..size-1 with P(i) ∝ 1 / (i + 1)^exponent. */
function zipf(size: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = total;
  }
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** `count` distinct values drawn with `draw` (count must not exceed the number of values). */
function distinct<T>(count: number, draw: () => T, exclude?: T): T[] {
  const picked = new Set<T>();
  while (picked.size < count) {
    const value = draw();
    if (value !== exclude) picked.add(value);
  }
  return [...picked];
}

const SECTORS = [
  'software',
  'it-services',
  'fintech',
  'e-commerce',
  'telecommunications',
  'internet-applications',
  'wireless-mobile',
  'information-security',
  'hardware',
  'smart-cards-payments',
  'multimedia',
  'digital-entertainment',
  'ict-research',
  'e-government',
];
const PARTNER_TYPES = [
  'distributor',
  'reseller',
  'technology-licensing',
  'joint-venture',
  'investment',
  'supplier',
  'customer',
  'outsourcing',
  'research-partner',
];
/** Countries, with the languages spoken there (first = main). */
const COUNTRIES: [string, string[]][] = [
  ['CA', ['en', 'fr']],
  ['HK', ['zh', 'en']],
  ['DE', ['de']],
  ['FR', ['fr']],
  ['GB', ['en']],
  ['US', ['en', 'es']],
  ['SG', ['en', 'zh']],
  ['JP', ['ja']],
  ['KR', ['ko']],
  ['NL', ['nl', 'en']],
  ['ES', ['es']],
  ['AU', ['en']],
];
const LANGUAGES = ['en', 'fr', 'de', 'zh', 'ja', 'ko', 'es', 'nl'];

const TAG_SUBJECTS = [
  'payments',
  'cloud hosting',
  'cybersecurity',
  'iot sensors',
  'logistics',
  'crm',
  'erp',
  'ai vision',
  'data analytics',
  'mobile apps',
  'e-learning',
  'telemedicine',
  'smart cards',
  'nfc',
  'blockchain',
  'digital signage',
  '5g',
  'fibre networks',
  'game engines',
  'streaming',
  'identity',
  'chatbots',
  'robotics',
  'drones',
  'ev charging',
  'smart metering',
  'agritech',
  'govtech',
  'insurtech',
  'regtech',
  'edge computing',
  'semiconductors',
  'satellite links',
  'ar/vr',
  'voice assistants',
  'hr software',
  'point of sale',
  'supply chain',
  'open banking',
  'wearables',
];
const TAG_ROLES = [
  '',
  ' distribution',
  ' integration',
  ' consulting',
  ' licensing',
  ' hardware',
  ' software',
  ' platforms',
  ' in asia',
  ' in europe',
];

/** 400 tags; tag i is the i-th most popular. */
const TAGS: string[] = TAG_ROLES.flatMap((role) => TAG_SUBJECTS.map((subject) => subject + role));

const NAME_FIRST = [
  'Maple',
  'Harbour',
  'Northern',
  'Pacific',
  'Atlas',
  'Blue',
  'Cedar',
  'Summit',
  'Lotus',
  'Orion',
  'Silver',
  'Granite',
  'Aurora',
  'Jade',
  'Falcon',
  'Delta',
  'Nova',
  'Crimson',
  'Polar',
  'Sakura',
];
const NAME_SECOND = [
  'Channel',
  'Pay',
  'Data',
  'Cloud',
  'Signal',
  'Bridge',
  'Link',
  'Grid',
  'Wave',
  'Logic',
  'Trade',
  'Vision',
  'Secure',
  'Mobile',
  'Net',
];
const NAME_THIRD = ['Partners', 'Systems', 'Labs', 'Technologies', 'Group', 'Solutions', 'Ltd'];

/** Start of the synthetic session: 2030-03-04T09:00:00Z. */
export const SYNTHETIC_SESSION_START = Date.UTC(2030, 2, 4, 9);
/** Length of a synthetic slot: 20 minutes. */
export const SYNTHETIC_SLOT_MS = 20 * 60 * 1000;

/** A session over `slots` consecutive 20-minute slots from SYNTHETIC_SESSION_START. */
export function syntheticSession(
  overrides: Partial<ScoringSession> & { slotCount?: number } = {},
): ScoringSession {
  const { slotCount = 12, ...rest } = overrides;
  return {
    mode: 'video',
    crossBorderOnly: true,
    sides: null,
    slots: Array.from({ length: slotCount }, (_, s) => ({
      startsAt: SYNTHETIC_SESSION_START + s * SYNTHETIC_SLOT_MS,
      endsAt: SYNTHETIC_SESSION_START + (s + 1) * SYNTHETIC_SLOT_MS,
    })),
    weights: { ...DEFAULT_WEIGHTS },
    ...rest,
  };
}

/**
 * n companies: ~400 Zipf-distributed tags (2-5 offers and 2-5 seeks each), 1-3 sectors, 1-3 partner
 * types, 1-4 target markets among 12 countries, 1-2 languages of 8 (mostly the country's own), and
 * availability over the synthetic session's 12 slots (60 % the whole session, else one or two
 * windows). Deterministic for a given seed.
 */
export function syntheticProfiles(n: number, seed: number): ScoringProfile[] {
  const random = seededRandom(seed);
  const tag = zipf(TAGS.length, 1, random);
  // Seeks follow a popularity order of their own: what is most offered is not what is most sought.
  const seekOrder = TAGS.map((_, i) => i).sort((x, y) => ((x * 7919) % 401) - ((y * 7919) % 401));
  const sector = zipf(SECTORS.length, 0.8, random);
  const partnerType = zipf(PARTNER_TYPES.length, 0.9, random);
  const countryOf = zipf(COUNTRIES.length, 0.7, random);
  const language = zipf(LANGUAGES.length, 1.2, random);
  const slotsInSession = 12;

  return Array.from({ length: n }, (_, i): ScoringProfile => {
    const [country, spoken] = COUNTRIES[countryOf()];
    const languages = [spoken[0]];
    if (random() < 0.6) {
      const second = random() < 0.6 && spoken.length > 1 ? spoken[1] : LANGUAGES[language()];
      if (second !== spoken[0]) languages.push(second);
    }
    const availability: { from: number; to: number }[] = [];
    if (random() >= 0.6) {
      for (let w = intBetween(random, 1, 2); w > 0; w--) {
        const first = intBetween(random, 0, slotsInSession - 1);
        const last = Math.min(slotsInSession, first + intBetween(random, 1, 6));
        availability.push({
          from: SYNTHETIC_SESSION_START + first * SYNTHETIC_SLOT_MS,
          to: SYNTHETIC_SESSION_START + last * SYNTHETIC_SLOT_MS,
        });
      }
    }
    const name = `${NAME_FIRST[Math.floor(random() * NAME_FIRST.length)]} ${
      NAME_SECOND[Math.floor(random() * NAME_SECOND.length)]
    } ${NAME_THIRD[Math.floor(random() * NAME_THIRD.length)]}`;
    return {
      id: `c${String(i).padStart(6, '0')}`,
      name,
      country,
      sectors: distinct(intBetween(random, 1, 3), () => SECTORS[sector()]),
      offers: distinct(intBetween(random, 2, 5), () => TAGS[tag()]),
      seeks: distinct(intBetween(random, 2, 5), () => TAGS[seekOrder[tag()]]),
      partnerTypes: distinct(intBetween(random, 1, 3), () => PARTNER_TYPES[partnerType()]),
      targetMarkets: distinct(intBetween(random, 1, 4), () => COUNTRIES[countryOf()][0], country),
      languages,
      availability,
    };
  });
}
