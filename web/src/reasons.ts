import { REASON_CODES } from '../../src/matching/scoring/reason.wire';
import type { Match } from './api';
import type { I18n } from './i18n';
import { countryName, languageName, listOf, taxonomyLabel } from './names';

type Reason = Match['reasons'][number];

const KNOWN: ReadonlySet<string> = new Set(REASON_CODES);

/** How many tags a reason names before "and 2 more". */
const MAX_TAGS = 3;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** "Smart cards and payments" inside an English sentence: "smart cards and payments". */
function inSentence(label: string, language: I18n['language']): string {
  return language === 'en' && /^[A-Z][a-z-]/.test(label)
    ? label[0].toLowerCase() + label.slice(1)
    : label;
}

/**
 * Why two firms match, in the viewer's language: the words of the reason's `code` with its
 * `params` (sectors and kinds by their labels, countries and languages by their names, the
 * firms' own tags as they wrote them); the API's English `text` for a code this app does not know.
 */
export function reasonWords(reason: Reason, { t, language }: Pick<I18n, 't' | 'language'>): string {
  // An older API (or a newer code) may send none this app knows.
  if (!KNOWN.has(reason.code)) return reason.text;
  const params: Record<string, unknown> = reason.params;
  const tags = (name: string) => {
    const all = strings(params[name]);
    if (all.length <= MAX_TAGS) return listOf(all, language);
    return t('reason.more', {
      list: all.slice(0, MAX_TAGS).join(language === 'en' ? ', ' : '、'),
      count: all.length - MAX_TAGS,
    });
  };
  const labels = (name: string) =>
    listOf(
      strings(params[name]).map((code) => inSentence(taxonomyLabel(code, t), language)),
      language,
    );
  const values: Record<string, string | number> = {
    viewer: text(params.viewer),
    offered: tags('offered'),
    sought: tags('sought'),
    sectors: labels('sectors'),
    partnerTypes: labels('partnerTypes'),
    languages: listOf(
      strings(params.languages).map((code) => languageName(code, language)),
      language,
    ),
    country: countryName(text(params.country), language),
    viewerCountry: countryName(text(params.viewerCountry), language),
    common: Number(params.common ?? 0),
    of: Number(params.of ?? 0),
  };
  return t(`reason.${reason.code}`, values);
}
