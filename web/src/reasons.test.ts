import { describe, expect, it } from 'vitest';
import type { Match } from './api';
import { makeI18n } from './i18n';
import { reasonWords } from './reasons';

type Reason = Match['reasons'][number];

const reason = (
  code: Reason['code'],
  params: Reason['params'],
  text = 'English text.',
): Reason => ({
  component: 'sector',
  value: 1,
  weight: 0.15,
  text,
  code,
  params,
});

const en = makeI18n('en');
const zh = makeI18n('zh-Hant');

describe('reasonWords', () => {
  it('words sectors by their labels in the viewer’s language', () => {
    const sectors = reason('sector.common', { sectors: ['fintech', 'smart-cards-payments'] });
    expect(reasonWords(sectors, en)).toBe('Both work in fintech and smart cards and payments.');
    expect(reasonWords(sectors, zh)).toBe('雙方均從事金融科技和智能卡及支付。');
  });

  it('names countries and languages in the viewer’s language', () => {
    const market = reason('market.both', {
      viewer: 'Harbour Pay',
      country: 'CA',
      viewerCountry: 'HK',
    });
    expect(reasonWords(market, en)).toBe(
      'Based in Canada, a market Harbour Pay targets; targets Hong Kong, where Harbour Pay is based.',
    );
    expect(reasonWords(market, zh)).toBe(
      '位於加拿大，是 Harbour Pay 的目標市場；並以香港為目標市場，正是 Harbour Pay 所在地。',
    );
    expect(reasonWords(reason('language.common', { languages: ['en', 'zh'] }), zh)).toBe(
      '雙方均使用英文和中文。',
    );
  });

  it('keeps the firms’ own tags, at most three and how many more', () => {
    const offers = reason('complementarity.offers', {
      viewer: 'Maple',
      offered: ['a', 'b', 'c', 'd', 'e'],
      sought: [],
    });
    expect(reasonWords(offers, en)).toBe('Offers a, b, c and 2 more, which Maple seeks.');
  });

  it('counts slots', () => {
    expect(reasonWords(reason('timeOverlap.common', { common: 3, of: 6 }), en)).toBe(
      'Available at the same time in 3 of 6 slots.',
    );
  });

  it('falls back on the English text for a code it does not know', () => {
    expect(reasonWords(reason('sector.lunar' as Reason['code'], {}, 'As the API says.'), zh)).toBe(
      'As the API says.',
    );
  });
});
