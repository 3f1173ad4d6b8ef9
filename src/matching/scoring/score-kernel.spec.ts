import { HOUR, profile, session as videoSession, T0 } from './scoring.fixtures';
import { compileSession } from './compile-session';
import { explainPair, ineligibility, referenceScore } from './explain-pair';
import { scorePair, scoreTopMatches } from './score-kernel';
import type { TopMatches } from './score-kernel';
import { tagRarity } from './scoring-rules';
import type { ScoringProfile, ScoringSession, ScoringWeights } from './scoring-types';
import { DEFAULT_WEIGHTS } from './scoring-types';
import { seededRandom, syntheticProfiles, syntheticSession } from './synthetic-profiles';

function session(fields: Partial<ScoringSession> = {}): ScoringSession {
  return videoSession({ mode: 'in-person', ...fields });
}

/** Company i's list as [id, score] pairs, best first. */
function listOf(top: TopMatches, ids: readonly string[], i: number): [string, number][] {
  return Array.from({ length: top.counts[i] }, (_, r): [string, number] => [
    ids[top.others[i * top.k + r]],
    top.scores[i * top.k + r],
  ]);
}

function topIds(profiles: ScoringProfile[], s: ScoringSession, viewer: number, k = 10): string[] {
  const compiled = compileSession(profiles, s);
  return listOf(scoreTopMatches(compiled, { k }), compiled.ids, viewer).map(([id]) => id);
}

/** Random companies over small vocabularies (so that they overlap a lot), sizes per config. */
interface RandomConfig {
  seed: number;
  n: number;
  tags: number;
  sectors: number;
  languages: number;
  countries: number;
  slots: number;
  mode: ScoringSession['mode'];
  crossBorderOnly: boolean;
  sides: boolean;
  weights?: ScoringWeights;
}

function randomSession(config: RandomConfig): {
  profiles: ScoringProfile[];
  session: ScoringSession;
} {
  const random = seededRandom(config.seed);
  const int = (max: number): number => Math.floor(random() * max);
  const pick = (prefix: string, size: number, max: number): string[] =>
    Array.from({ length: int(max + 1) }, () => `${prefix}${int(size)}`);
  const country = (i: number): string =>
    `C${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
  const s = session({
    mode: config.mode,
    crossBorderOnly: config.crossBorderOnly,
    slots: Array.from({ length: config.slots }, (_, i) => ({
      startsAt: T0 + i * HOUR,
      endsAt: T0 + (i + 1) * HOUR,
    })),
    weights: config.weights ?? DEFAULT_WEIGHTS,
  });
  if (config.sides) {
    // 40 % of the countries on side 0, 35 % on side 1, 10 % on both, the rest on none.
    const sides: [string[], string[]] = [[], []];
    for (let c = 0; c < config.countries; c++) {
      const r = random();
      if (r < 0.4 || (r >= 0.75 && r < 0.85)) sides[0].push(country(c));
      if (r >= 0.4 && r < 0.85) sides[1].push(country(c));
    }
    s.sides = sides;
  }
  const profiles = Array.from({ length: config.n }, (_, i): ScoringProfile => {
    const availability: { from: number; to: number }[] = [];
    if (random() < 0.7) {
      for (let w = 1 + int(3); w > 0; w--) {
        // Windows in half hours, so some cut slots in two.
        const from = T0 + int(config.slots * 2) * (HOUR / 2);
        availability.push({ from, to: from + (1 + int(10)) * (HOUR / 2) });
      }
    }
    return profile(`p${i}`, {
      country: country(int(config.countries)),
      sectors: pick('sector', config.sectors, 3),
      offers: pick('tag', config.tags, 5),
      seeks: pick('tag', config.tags, 5),
      partnerTypes: pick('type', 6, 3),
      targetMarkets: Array.from({ length: int(4) }, () => country(int(config.countries + 2))),
      languages: pick('lang', config.languages, 2),
      availability,
    });
  });
  return { profiles, session: s };
}

const CONFIGS: RandomConfig[] = [
  {
    seed: 1,
    n: 200,
    tags: 40,
    sectors: 8,
    languages: 5,
    countries: 6,
    slots: 8,
    mode: 'video',
    crossBorderOnly: false,
    sides: false,
  },
  {
    seed: 2,
    n: 200,
    tags: 40,
    sectors: 8,
    languages: 5,
    countries: 6,
    slots: 8,
    mode: 'in-person',
    crossBorderOnly: true,
    sides: false,
  },
  {
    seed: 3,
    n: 200,
    tags: 300,
    sectors: 8,
    languages: 5,
    countries: 8,
    slots: 12,
    mode: 'video',
    crossBorderOnly: true,
    sides: true,
  },
  // More than 32 sectors, languages, countries and slots: bit sets of several words.
  {
    seed: 4,
    n: 200,
    tags: 60,
    sectors: 70,
    languages: 40,
    countries: 45,
    slots: 70,
    mode: 'video',
    crossBorderOnly: false,
    sides: true,
  },
  {
    seed: 5,
    n: 150,
    tags: 30,
    sectors: 5,
    languages: 3,
    countries: 4,
    slots: 3,
    mode: 'video',
    crossBorderOnly: false,
    sides: false,
    weights: {
      complementarity: 0,
      sector: 2,
      partnerType: 0,
      market: 1,
      language: 0,
      timeOverlap: 3,
    },
  },
];

describe('scoreTopMatches', () => {
  it('ranks a complementary pair above a same-sector pair above an unrelated pair', () => {
    const base = { languages: ['en'], partnerTypes: ['distributor'] };
    const viewer = profile('viewer', {
      ...base,
      sectors: ['fintech'],
      offers: ['crm'],
      seeks: ['payments'],
    });
    const complementary = profile('complementary', {
      ...base,
      sectors: ['hardware'],
      offers: ['payments'],
      seeks: ['crm'],
    });
    const sameSector = profile('same-sector', {
      ...base,
      sectors: ['fintech'],
      offers: ['iot'],
      seeks: ['drones'],
    });
    const unrelated = profile('unrelated', {
      ...base,
      sectors: ['multimedia'],
      offers: ['games'],
      seeks: ['ads'],
    });
    const profiles = [unrelated, sameSector, viewer, complementary];
    expect(topIds(profiles, session(), 2)).toEqual(['complementary', 'same-sector', 'unrelated']);
  });

  it('scores a rare tag match above a common one', () => {
    const viewer = profile('viewer', { seeks: ['rare', 'common'] });
    const rare = profile('rare', { offers: ['rare'] });
    const common = profile('common', { offers: ['common'] });
    const crowd = Array.from({ length: 8 }, (_, i) => profile(`crowd${i}`, { offers: ['common'] }));
    const profiles = [viewer, common, rare, ...crowd];
    expect(topIds(profiles, session(), 0)[0]).toBe('rare');
    const compiled = compileSession(profiles, session());
    expect(scorePair(compiled, 0, 2)).toBeGreaterThan(scorePair(compiled, 0, 1));
  });

  it('follows the weights', () => {
    const viewer = profile('viewer', {
      sectors: ['fintech'],
      languages: ['en'],
      offers: ['crm'],
      seeks: ['payments'],
    });
    const complementary = profile('complementary', {
      sectors: ['hardware'],
      offers: ['payments'],
      seeks: ['crm'],
    });
    const alike = profile('alike', { sectors: ['fintech'], languages: ['en'] });
    const profiles = [viewer, alike, complementary];
    expect(topIds(profiles, session(), 0)).toEqual(['complementary', 'alike']);
    const weights = { ...DEFAULT_WEIGHTS, complementarity: 0.1, sector: 0.5 };
    expect(topIds(profiles, session({ weights }), 0)).toEqual(['alike', 'complementary']);
  });

  it('keeps ineligible pairs out of every list', () => {
    const slots = session().slots;
    const profiles = [
      profile('ca1', { country: 'CA', languages: ['en'] }),
      profile('ca2', { country: 'CA', languages: ['en'] }), // same country and side as ca1
      profile('hk1', { country: 'HK', languages: ['en'] }),
      profile('hk-late', {
        country: 'HK',
        languages: ['en'],
        availability: [{ from: slots[6].startsAt, to: slots[7].endsAt }],
      }),
      profile('jp', { country: 'JP', languages: ['en'] }), // on no side
      profile('us-early', {
        country: 'US',
        languages: ['en'],
        availability: [{ from: slots[0].startsAt, to: slots[1].endsAt }],
      }),
    ];
    const s = session({ mode: 'video', crossBorderOnly: true, sides: [['CA', 'US'], ['HK']] });
    const compiled = compileSession(profiles, s);
    const top = scoreTopMatches(compiled, { k: 5 });
    const lists = compiled.ids.map((_, i) => listOf(top, compiled.ids, i).map(([id]) => id));
    expect(lists).toEqual([
      ['hk1', 'hk-late'],
      ['hk1', 'hk-late'],
      ['ca1', 'ca2', 'us-early'],
      ['ca1', 'ca2'], // not us-early: no common time
      [],
      ['hk1'],
    ]);
    for (const [i, list] of lists.entries()) {
      for (const id of list) {
        expect(
          ineligibility(
            profiles[i],
            profiles.find((p) => p.id === id)!,
            s,
          ),
        ).toBeNull();
      }
    }
    expect(scorePair(compiled, 0, 0)).toBe(-1); // same company
    expect(scorePair(compiled, 0, 1)).toBe(-1); // same country
    expect(scorePair(compiled, 0, 4)).toBe(-1); // no side
    expect(scorePair(compiled, 0, 5)).toBe(-1); // same side (CA, US)
    expect(scorePair(compiled, 3, 5)).toBe(-1); // no common time
    expect(scorePair(compiled, 0, 2)).toBeGreaterThan(0);
  });

  it('keeps only positive scores and breaks ties by the lower index', () => {
    const profiles = [
      profile('viewer', { languages: ['en'] }),
      profile('x', { languages: ['fr'] }), // score 0: left out
      ...['a', 'b', 'c', 'd'].map((id) => profile(id, { languages: ['en'] })),
    ];
    const compiled = compileSession(profiles, session());
    const top = scoreTopMatches(compiled, { k: 3 });
    const language = Math.fround((100 * 0.1) / 0.95); // in person: the weights but time sum to 0.95
    expect(listOf(top, compiled.ids, 0)).toEqual([
      ['a', language],
      ['b', language],
      ['c', language],
    ]);
    expect(listOf(top, compiled.ids, 1)).toEqual([]);
    expect(Array.from(top.others.subarray(3, 6))).toEqual([-1, -1, -1]);
    const symmetric = scoreTopMatches(compiled, { k: 3, symmetric: true });
    expect(symmetric).toEqual(top);
  });

  it('works with no company, one company and k = 0', () => {
    for (const profiles of [[], [profile('alone', { languages: ['en'] })]]) {
      const compiled = compileSession(profiles, session({ mode: 'video' }));
      for (const symmetric of [false, true]) {
        const top = scoreTopMatches(compiled, { k: 5, symmetric });
        expect(top.n).toBe(profiles.length);
        expect(Array.from(top.counts)).toEqual(profiles.map(() => 0));
        expect(top.others).toHaveLength(5 * profiles.length);
      }
    }
    const compiled = compileSession([profile('a'), profile('b')], session());
    expect(scoreTopMatches(compiled, { k: 0 }).others).toHaveLength(0);
  });

  it('rejects bad options', () => {
    const compiled = compileSession([profile('a'), profile('b'), profile('c')], session());
    expect(() => scoreTopMatches(compiled, { k: -1 })).toThrow(RangeError);
    expect(() => scoreTopMatches(compiled, { k: 2, rows: [2, 4] })).toThrow(RangeError);
    expect(() => scoreTopMatches(compiled, { k: 2, rows: [1, 3], symmetric: true })).toThrow(
      RangeError,
    );
    expect(() => scorePair(compiled, 0, 3)).toThrow(RangeError);
  });

  describe.each(CONFIGS)('on random companies (seed $seed, $mode)', (config) => {
    const { profiles, session: s } = randomSession(config);
    const compiled = compileSession(profiles, s);
    const rarity = tagRarity(profiles);
    const k = 10;
    const rows = scoreTopMatches(compiled, { k });

    // Reference scores of every ordered pair (-1 when ineligible), from the readable scorer.
    const reference = profiles.map((a) => profiles.map((b) => referenceScore(a, b, s, rarity)));

    // Failures are collected and compared once: an expect() per pair would dominate the run time.
    it('gives the brute-force top lists of the reference scorer', () => {
      const failures: string[] = [];
      let kept = 0;
      for (let a = 0; a < profiles.length; a++) {
        const expected = reference[a]
          .map((score, b) => ({ b, score }))
          .filter((r) => r.score > 1e-9)
          .sort((x, y) => y.score - x.score || x.b - y.b);
        const count = rows.counts[a];
        if (count !== Math.min(k, expected.length)) failures.push(`${a}: ${count} matches`);
        for (let r = 0; r < count; r++) {
          const b = rows.others[a * k + r];
          const score = rows.scores[a * k + r];
          // Same score at every rank, and the listed company has that score.
          if (Math.abs(score - expected[r].score) >= 1e-3) failures.push(`${a}: rank ${r}`);
          if (Math.abs(score - reference[a][b]) >= 1e-3) failures.push(`${a}-${b}: ${score}`);
        }
        if (count === k) {
          // The same companies, up to float ties at the bottom of the list.
          const listed = new Set(rows.others.subarray(a * k, a * k + k));
          const last = rows.scores[a * k + k - 1];
          for (const r of expected) {
            if (r.score > last + 1e-3 && !listed.has(r.b)) failures.push(`${a}: ${r.b} missing`);
          }
        }
        kept += count;
      }
      expect(failures).toEqual([]);
      expect(kept).toBeGreaterThan(profiles.length); // the test is not vacuous
    });

    it('agrees with scorePair and explainPair on every pair', () => {
      const failures: string[] = [];
      for (let a = 0; a < profiles.length; a++) {
        for (let b = 0; b < profiles.length; b++) {
          const fast = scorePair(compiled, a, b);
          if (fast !== scorePair(compiled, b, a)) failures.push(`${a}-${b}: asymmetric`);
          if ((fast === -1) !== (reference[a][b] === -1)) failures.push(`${a}-${b}: eligibility`);
          if (fast !== -1 && Math.abs(fast - reference[a][b]) >= 1e-3) {
            failures.push(`${a}-${b}: ${fast} vs ${reference[a][b]}`);
          }
        }
      }
      // explainPair is the reference rounded to one decimal, with the same eligibility.
      for (let a = 0; a < profiles.length; a += 7) {
        for (let b = 0; b < profiles.length; b++) {
          const explained = explainPair(profiles[a], profiles[b], s, rarity);
          const expected = reference[a][b] === -1 ? 0 : Math.round(reference[a][b] * 10) / 10;
          if (explained.eligible !== (reference[a][b] !== -1) || explained.score !== expected) {
            failures.push(`${a}-${b}: explained ${explained.score}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('gives the same lists in the symmetric mode', () => {
      expect(scoreTopMatches(compiled, { k, symmetric: true })).toEqual(rows);
    });

    it('computes only the requested rows', () => {
      const part = scoreTopMatches(compiled, { k, rows: [40, 90] });
      for (let i = 0; i < profiles.length; i++) {
        if (i >= 40 && i < 90)
          expect(listOf(part, compiled.ids, i)).toEqual(listOf(rows, compiled.ids, i));
        else expect(part.counts[i]).toBe(0);
      }
      expect(part.others.subarray(0, 40 * k).every((x) => x === -1)).toBe(true);
    });
  });

  it('handles synthetic companies the same in both modes', () => {
    const profiles = syntheticProfiles(500, 7);
    const compiled = compileSession(profiles, syntheticSession());
    const symmetric = scoreTopMatches(compiled, { k: 20, symmetric: true });
    expect(symmetric).toEqual(scoreTopMatches(compiled, { k: 20 }));
    expect(symmetric.counts.every((c) => c === 20)).toBe(true);
  });
});
