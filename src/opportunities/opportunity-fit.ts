/**
 * How well a post on the opportunities board fits a company, by the scoring of matches
 * (`explainPair`): the post becomes a pseudo-profile and is scored against the company's profile
 * as another firm would be, so that its `score` and `reasons` read exactly as a match's do.
 *
 * The pseudo-profile takes the post's own sectors, partner types and countries (as the markets it
 * targets), and from the posting company, where there is one, its country, its offers and seeks
 * and its languages. An organiser's post has no company: its country is the partner economy, and
 * the components it has nothing for (offers and seeks, languages) weigh nothing and give no reason,
 * so that a project is scored on what it says (sectors, partner types, markets) rather than
 * marked down for what it cannot say. Pure: no I/O, so the API and the weekly digest share it.
 */
import { explainPair } from '../matching/scoring/explain-pair';
import { tagRarity } from '../matching/scoring/scoring-rules';
import {
  DEFAULT_WEIGHTS,
  type Reason,
  type ScoringProfile,
  type ScoringSession,
} from '../matching/scoring/scoring-types';

/** A company's profile as scoring reads it. */
export interface FitCompany {
  id: string;
  name: string;
  country: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partnerTypes: string[];
  targetMarkets: string[];
  languages: string[];
}

/** What of a post scoring reads. */
export interface FitPost {
  id: string;
  sectors: string[];
  countries: string[];
  partnerTypes: string[];
  partnerCountry: string | null;
  /** The posting company's profile; null for an organiser's post. */
  company: FitCompany | null;
}

export interface PostFit {
  /** 0–100, one decimal; null for the company's own post (a firm does not fit itself). */
  score: number | null;
  /** Strongest first, as a match's reasons; empty with a null score. */
  reasons: Reason[];
}

/** The board has no session: no sides, no slots, in person (time overlap does not apply). */
const FIRM_POST_SESSION: ScoringSession = {
  mode: 'in-person',
  crossBorderOnly: false,
  sides: null,
  slots: [],
  weights: DEFAULT_WEIGHTS,
};

/** An organiser's post has no offers, seeks or languages: those components weigh nothing. */
const ORGANISER_POST_SESSION: ScoringSession = {
  ...FIRM_POST_SESSION,
  weights: { ...DEFAULT_WEIGHTS, complementarity: 0, language: 0 },
};

/** The post as a firm's profile (see the header). */
export function postProfile(post: FitPost): ScoringProfile {
  const company = post.company;
  return {
    id: `opportunity:${post.id}`,
    name: company?.name ?? '',
    country: company?.country ?? post.partnerCountry ?? '',
    sectors: post.sectors,
    offers: company?.offers ?? [],
    seeks: company?.seeks ?? [],
    partnerTypes: post.partnerTypes.length > 0 ? post.partnerTypes : (company?.partnerTypes ?? []),
    targetMarkets: post.countries,
    languages: company?.languages ?? [],
    availability: [],
  };
}

function companyProfile(company: FitCompany): ScoringProfile {
  return { ...company, availability: [] };
}

/**
 * Each post's fit for `viewer`, in the order of `posts`. Tag rarity is taken over the viewer and
 * the posting companies, as a session takes it over its participants.
 */
export function fitPosts(viewer: FitCompany, posts: readonly FitPost[]): PostFit[] {
  const companies = new Map<string, FitCompany>([[viewer.id, viewer]]);
  for (const post of posts) if (post.company) companies.set(post.company.id, post.company);
  const rarity = tagRarity([...companies.values()].map(companyProfile));
  const self = companyProfile(viewer);
  return posts.map((post) => {
    if (post.company?.id === viewer.id) return { score: null, reasons: [] };
    const session = post.company ? FIRM_POST_SESSION : ORGANISER_POST_SESSION;
    const explained = explainPair(self, postProfile(post), session, rarity);
    return {
      score: explained.score,
      reasons: explained.reasons.filter((reason) => reason.weight > 0),
    };
  });
}
