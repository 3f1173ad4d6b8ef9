import { explainPair } from '../matching/scoring/explain-pair';
import { tagRarity } from '../matching/scoring/scoring-rules';
import { DEFAULT_WEIGHTS } from '../matching/scoring/scoring-types';
import { fitPosts, postProfile, type FitCompany, type FitPost } from './opportunity-fit';

const harbour: FitCompany = {
  id: 'hk',
  name: 'Harbour Pay',
  country: 'HK',
  sectors: ['smart-cards-payments', 'fintech'],
  offers: ['nfc payment terminals'],
  seeks: ['distribution in north america'],
  partnerTypes: ['distributor'],
  targetMarkets: ['CA'],
  languages: ['en', 'zh'],
};
const maple: FitCompany = {
  id: 'ca',
  name: 'Maple Channel',
  country: 'CA',
  sectors: ['smart-cards-payments'],
  offers: ['distribution in north america'],
  seeks: ['nfc payment terminals'],
  partnerTypes: ['distributor', 'reseller'],
  targetMarkets: ['HK'],
  languages: ['en', 'fr'],
};
const rhein: FitCompany = {
  id: 'de',
  name: 'Rhein Games',
  country: 'DE',
  sectors: ['digital-entertainment'],
  offers: ['game localisation'],
  seeks: ['mobile game publishers'],
  partnerTypes: ['investment'],
  targetMarkets: ['US'],
  languages: ['de'],
};

const postOf = (company: FitCompany | null, overrides: Partial<FitPost> = {}): FitPost => ({
  id: `post-${company?.id ?? 'organisers'}`,
  sectors: company?.sectors ?? ['e-government'],
  countries: company?.targetMarkets ?? [],
  partnerTypes: [],
  partnerCountry: null,
  company,
  ...overrides,
});

describe('fitPosts', () => {
  it('scores a post as the match of its company, with the post’s sectors, kinds and markets', () => {
    const post = postOf(maple, { partnerTypes: ['distributor'] });
    const [fit] = fitPosts(harbour, [post]);
    const session = { mode: 'in-person' as const, crossBorderOnly: false, sides: null, slots: [] };
    const profile = (c: FitCompany) => ({ ...c, availability: [] });
    const expected = explainPair(
      profile(harbour),
      postProfile(post),
      { ...session, weights: DEFAULT_WEIGHTS },
      tagRarity([profile(harbour), profile(maple)]),
    );
    expect(fit).toEqual({ score: expected.score, reasons: expected.reasons });
    expect(fit.score).toBeGreaterThan(80);
    expect(fit.reasons.map((reason) => reason.component)).toContain('complementarity');
  });

  it('ranks what fits above what does not, and gives the company’s own post no score', () => {
    const [fitting, unfitting, own] = fitPosts(harbour, [
      postOf(maple),
      postOf(rhein),
      postOf(harbour),
    ]);
    expect(fitting.score!).toBeGreaterThan(unfitting.score!);
    expect(own).toEqual({ score: null, reasons: [] });
  });

  it('scores an organiser’s post on its sectors, partner types and markets only', () => {
    const project = postOf(null, {
      sectors: ['smart-cards-payments'],
      partnerTypes: ['distributor'],
      countries: ['HK'],
      partnerCountry: 'CA',
    });
    const [fit] = fitPosts(harbour, [project]);
    expect(fit.reasons.map((reason) => reason.component).sort()).toEqual([
      'market',
      'partnerType',
      'sector',
    ]);
    // Sector half shared, partner type shared, both markets: (0.5 + 1 + 1) / 3 of 100.
    expect(fit.score).toBeCloseTo(83.3, 1);
    expect(postProfile(project).country).toBe('CA');
  });
});
