import { CountryCodes } from 'validator/es/lib/isISO31661Alpha2';
import {
  PARTNER_TYPES,
  SECTORS,
  type PartnerType,
  type Sector,
} from '../../src/companies/taxonomy';
import { useI18n, type Language, type Translate } from './i18n';

/**
 * Names of countries and languages in the UI's language (`Intl.DisplayNames`), and the lists the
 * pickers offer: every ISO 3166-1 country the API takes (validator's list, the one class-validator
 * checks against) and every ISO 639-1 language the browser can name.
 */

/** Names that read better in a trade context than CLDR's ("Hong Kong SAR China"). */
const SHORTER: Record<Language, Record<string, string>> = {
  en: { HK: 'Hong Kong', MO: 'Macao' },
  'zh-Hant': { HK: '香港', MO: '澳門' },
};

const displayNames = new Map<string, Intl.DisplayNames>();

function namesOf(language: Language, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([language], { type, fallback: 'none' });
    displayNames.set(key, names);
  }
  return names;
}

/** "Canada" for `CA` (加拿大 in Chinese); the code itself when the browser has no name for it. */
export function countryName(code: string, language: Language): string {
  const upper = code.toUpperCase();
  try {
    return SHORTER[language][upper] ?? namesOf(language, 'region').of(upper) ?? code;
  } catch {
    return code;
  }
}

/** "English" for `en` (英文 in Chinese); the code itself when the browser has no name for it. */
export function languageName(code: string, language: Language): string {
  try {
    return namesOf(language, 'language').of(code.toLowerCase()) ?? code;
  } catch {
    return code;
  }
}

/** "a, b and c" in the UI's language. */
export function listOf(values: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(values);
}

export interface Choice {
  code: string;
  name: string;
}

function byName(language: Language) {
  const collator = new Intl.Collator(language);
  return (a: Choice, b: Choice) => collator.compare(a.name, b.name);
}

/** Every country the API takes, named in `language` and sorted by name. */
export function countryChoices(language: Language): Choice[] {
  return [...CountryCodes]
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort(byName(language));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every two-letter (ISO 639-1) language the browser can name in `language`, sorted by name. */
export function languageChoices(language: Language): Choice[] {
  const choices: Choice[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const name = namesOf(language, 'language').of(code);
      if (name && name !== code) choices.push({ code, name });
    }
  }
  return choices.sort(byName(language));
}

const TAXONOMY_CODES: ReadonlySet<string> = new Set<string>([...SECTORS, ...PARTNER_TYPES]);

/**
 * A sector's or partnership kind's label in the UI's language (`smart-cards-payments` → "Smart
 * cards and payments"); a code the app does not know yet is shown as it is.
 */
export function taxonomyLabel(code: string, t: Translate): string {
  return TAXONOMY_CODES.has(code) ? t(`taxonomy.${code as Sector | PartnerType}`) : code;
}

/**
 * Sector or partnership labels as one list: "Fintech, Software"; "金融科技、軟件" (CLDR's unit
 * lists run Chinese labels together or part them with spaces).
 */
export function taxonomyList(labels: readonly string[], language: Language): string {
  return language === 'zh-Hant'
    ? labels.join('、')
    : new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format(labels);
}

/**
 * Names for what the API gives as codes, in the UI's language: a country, a list of countries,
 * languages, sectors or partnership kinds ("Fintech, Smart cards and payments").
 */
export function useNames() {
  const { t, language } = useI18n();
  const join = (values: readonly string[]) => listOf(values, language);
  return {
    country: (code: string) => countryName(code, language),
    /** A report's `CA–HK` as "Canada–Hong Kong". */
    countryPair: (pair: string) =>
      pair
        .split('–')
        .map((code) => countryName(code, language))
        .join('–'),
    countries: (codes: readonly string[]) => join(codes.map((code) => countryName(code, language))),
    languages: (codes: readonly string[]) =>
      join(codes.map((code) => languageName(code, language))),
    taxonomy: (codes: readonly string[]) =>
      taxonomyList(
        codes.map((code) => taxonomyLabel(code, t)),
        language,
      ),
  };
}
