import { HOUR, profile, session, T0 } from './scoring.fixtures';
import { explainPair, ineligibility, referenceScore } from './explain-pair';
import { tagRarity } from './scoring-rules';
import type { ScoringProfile, ScoringSession } from './scoring-types';
import { DEFAULT_WEIGHTS } from './scoring-types';

const harbour = profile('harbour', {
  name: 'Harbour Pay Systems',
  country: 'HK',
  sectors: ['fintech', 'e-commerce', 'software'],
  offers: ['distribution in asia', 'payment gateway'],
  seeks: ['mobile payments', 'nfc payment terminals', 'fraud scoring'],
  partnerTypes: ['distributor', 'reseller'],
  targetMarkets: ['CA', 'US'],
  languages: ['en', 'zh'],
  availability: [{ from: T0 + 2 * HOUR, to: T0 + 8 * HOUR }],
});
const maple = profile('maple', {
  name: 'Maple Channel Partners',
  country: 'CA',
  sectors: ['fintech', 'e-commerce', 'hardware'],
  offers: ['mobile payments', 'nfc payment terminals'],
  seeks: ['distribution in asia'],
  partnerTypes: ['distributor'],
  targetMarkets: ['HK'],
  languages: ['en', 'fr'],
});
// Others in the session make 'mobile payments' common and 'nfc payment terminals' rarer.
const crowd = ['a', 'b', 'c', 'd'].map((id) =>
  profile(id, { country: 'US', offers: ['mobile payments'], seeks: ['payment gateway'] }),
);
const rarity = tagRarity([harbour, maple, ...crowd]);

describe('explainPair', () => {
  it('writes the reasons from the viewer side, naming tags, markets and the viewer', () => {
    const explanation = explainPair(harbour, maple, session(), rarity);
    expect(explanation.eligible).toBe(true);
    const text = Object.fromEntries(explanation.reasons.map((r) => [r.component, r.text]));
    expect(text).toEqual({
      complementarity:
        'Offers nfc payment terminals and mobile payments, which Harbour Pay Systems seeks; ' +
        'seeks distribution in asia, which Harbour Pay Systems offers.',
      sector: 'Both work in fintech and e-commerce.',
      partnerType: 'Both look for distributor partnerships.',
      market:
        'Based in Canada, a market Harbour Pay Systems targets; targets Hong Kong, where Harbour Pay Systems is based.',
      language: 'Both speak English.',
      timeOverlap: 'Available at the same time in 6 of 6 slots.',
    });
  });

  it('gives each reason a code and parameters for clients to word in their language', () => {
    const explanation = explainPair(harbour, maple, session(), rarity);
    const coded = Object.fromEntries(
      explanation.reasons.map((r) => [r.component, { code: r.code, params: r.params }]),
    );
    expect(coded).toEqual({
      complementarity: {
        code: 'complementarity.both',
        params: {
          viewer: 'Harbour Pay Systems',
          offered: ['nfc payment terminals', 'mobile payments'],
          sought: ['distribution in asia'],
        },
      },
      sector: { code: 'sector.common', params: { sectors: ['fintech', 'e-commerce'] } },
      partnerType: { code: 'partnerType.common', params: { partnerTypes: ['distributor'] } },
      market: {
        code: 'market.both',
        params: { viewer: 'Harbour Pay Systems', country: 'CA', viewerCountry: 'HK' },
      },
      language: { code: 'language.common', params: { languages: ['en'] } },
      timeOverlap: { code: 'timeOverlap.common', params: { common: 6, of: 6 } },
    });
    const none = explainPair(harbour, profile('far', { country: 'FR' }), session(), rarity);
    expect(none.reasons.find((r) => r.component === 'sector')).toMatchObject({
      code: 'sector.none',
      params: {},
    });
  });

  it('speaks from the other side when the viewer changes', () => {
    const explanation = explainPair(maple, harbour, session(), rarity);
    const complementarity = explanation.reasons.find((r) => r.component === 'complementarity');
    expect(complementarity?.text).toBe(
      'Offers distribution in asia, which Maple Channel Partners seeks; ' +
        'seeks nfc payment terminals and mobile payments, which Maple Channel Partners offers.',
    );
  });

  it('gives values, weights and a score, sorted by weighted contribution', () => {
    const explanation = explainPair(harbour, maple, session(), rarity);
    for (const reason of explanation.reasons) {
      expect(reason.value).toBeGreaterThanOrEqual(0);
      expect(reason.value).toBeLessThanOrEqual(1);
      expect(reason.value).toBe(Math.round(reason.value * 1000) / 1000);
      expect(reason.weight).toBe(DEFAULT_WEIGHTS[reason.component]);
    }
    const contributions = explanation.reasons.map((r) => r.value * r.weight);
    expect(contributions).toEqual([...contributions].sort((x, y) => y - x));
    expect(explanation.score).toBe(Math.round(explanation.score * 10) / 10);
    expect(explanation.score).toBeCloseTo(referenceScore(harbour, maple, session(), rarity), 1);
  });

  it('computes each component by the rules', () => {
    const s = session();
    const values = Object.fromEntries(
      explainPair(harbour, maple, s, rarity).reasons.map((r) => [r.component, r.value]),
    );
    const w = (df: number): number => Math.log(1 + 6 / df);
    // Harbour seeks mobile payments (df 6: everybody holds it), nfc payment terminals (df 2) and
    // fraud scoring (df 1); Maple offers the first two. Harbour offers Maple's only seek.
    const toHarbour = (w(6) + w(2)) / (w(6) + w(2) + w(1));
    expect(values.complementarity).toBeCloseTo((toHarbour + 1) / 2, 3);
    expect(values.sector).toBe(0.5); // 2 common of 4
    expect(values.partnerType).toBe(1); // 1 common / min(2, 1)
    expect(values.market).toBe(1);
    expect(values.language).toBe(1);
    expect(values.timeOverlap).toBe(1); // 6 common / min(6, 8)
  });

  it('says so when nothing matches', () => {
    const a = profile('a', {
      name: 'Alpha',
      country: 'DE',
      sectors: ['software'],
      languages: ['de'],
    });
    const b = profile('b', {
      country: 'FR',
      sectors: ['hardware'],
      partnerTypes: ['supplier'],
      languages: ['fr'],
      availability: [{ from: T0, to: T0 + 2 * HOUR }],
    });
    const texts = explainPair(a, b, session(), tagRarity([a, b])).reasons.map((r) => r.text);
    expect(texts).toEqual([
      'Available at the same time in 2 of 2 slots.',
      'No offer of either firm meets what the other seeks.',
      'No sector in common.',
      'Looks for other kinds of partnership.',
      "Neither targets the other's market.",
      'No language in common.',
    ]);
  });

  it('lists at most three tags per direction, rarest first', () => {
    const a = profile('a', { name: 'Alpha', seeks: ['t1', 't2', 't3', 't4', 't5'] });
    const b = profile('b', { country: 'US', offers: ['t1', 't2', 't3', 't4', 't5'] });
    const others = [1, 2, 3].map((i) => profile(`o${i}`, { offers: ['t1', 't2'], seeks: ['t2'] }));
    const explanation = explainPair(a, b, session(), tagRarity([a, b, ...others]));
    expect(explanation.reasons[0].text).toBe('Offers t3, t4, t5 and 2 more, which Alpha seeks.');
  });

  it('leaves out the time overlap for in-person sessions', () => {
    const explanation = explainPair(harbour, maple, session({ mode: 'in-person' }), rarity);
    expect(explanation.reasons.map((r) => r.component)).not.toContain('timeOverlap');
    expect(explanation.reasons).toHaveLength(5);
  });

  it('is symmetric in score', () => {
    const s = session();
    expect(referenceScore(harbour, maple, s, rarity)).toBeCloseTo(
      referenceScore(maple, harbour, s, rarity),
      10,
    );
  });

  it('explains an ineligible pair with its reason and no score', () => {
    expect(explainPair(harbour, harbour, session(), rarity)).toEqual({
      eligible: false,
      ineligibility: 'same-company',
      score: 0,
      reasons: [],
    });
  });
});

describe('ineligibility', () => {
  const slots = session().slots;
  const early = { from: slots[0].startsAt, to: slots[2].endsAt };
  const late = { from: slots[4].startsAt, to: slots[7].endsAt };

  it.each<[string, ScoringProfile, ScoringProfile, Partial<ScoringSession>, string | null]>([
    ['same id', profile('x'), profile('x', { country: 'FR' }), {}, 'same-company'],
    [
      'same country, cross-border only',
      profile('a'),
      profile('b'),
      { crossBorderOnly: true },
      'same-country',
    ],
    ['same country allowed', profile('a'), profile('b'), {}, null],
    [
      'a country on no side',
      profile('a', { country: 'CA' }),
      profile('b', { country: 'JP' }),
      { sides: [['CA'], ['HK']] },
      'no-side',
    ],
    [
      'both on one side',
      profile('a', { country: 'CA' }),
      profile('b', { country: 'US' }),
      { sides: [['CA', 'US'], ['HK']] },
      'same-side',
    ],
    [
      'a country listed on both sides counts on side 0',
      profile('a', { country: 'CA' }),
      profile('b', { country: 'US' }),
      {
        sides: [
          ['CA', 'US'],
          ['US', 'HK'],
        ],
      },
      'same-side',
    ],
    [
      'opposite sides',
      profile('a', { country: 'CA' }),
      profile('b', { country: 'HK' }),
      { sides: [['CA'], ['HK']] },
      null,
    ],
    [
      'video without common slot',
      profile('a', { availability: [early] }),
      profile('b', { availability: [late] }),
      {},
      'no-common-time',
    ],
    [
      'in-person ignores time',
      profile('a', { availability: [early] }),
      profile('b', { availability: [late] }),
      { mode: 'in-person' },
      null,
    ],
    [
      'a window that cuts a slot does not make it available',
      profile('a', { availability: [{ from: slots[0].startsAt, to: slots[0].endsAt - 1 }] }),
      profile('b'),
      {},
      'no-common-time',
    ],
  ])('%s', (_name, a, b, fields, expected) => {
    expect(ineligibility(a, b, session(fields))).toBe(expected);
    expect(ineligibility(b, a, session(fields))).toBe(expected);
  });
});
