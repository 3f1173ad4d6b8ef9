import { createContext, useContext } from 'react';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { en, type MessageKey } from './en';
import { zhHant } from './zh-Hant';

export type { MessageKey } from './en';

export const LANGUAGES = { en: 'English', 'zh-Hant': '繁體中文' } as const;
export type Language = keyof typeof LANGUAGES;
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, 'zh-Hant': zhHant };

const LANGUAGE_KEY = 'tradematch.language';

export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'zh-Hant') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-Hant' : 'en';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  t: Translate;
  /** A date and time in the chosen language, in `timeZone` (the viewer's own by default). */
  dateTime: (iso: string, timeZone?: string) => string;
  time: (iso: string, timeZone?: string) => string;
  /** A calendar date (YYYY-MM-DD) in the style of `dateTime`'s dates. */
  date: (calendarDate: string) => string;
  /**
   * A time in `timeZone` (the viewer's own by default), with its date, as `dateTime` writes it,
   * when that day is not the viewer's day of `reference` (now by default): "Next slot starts at
   * 7:30 AM" today, "at Apr 10, 2031, 7:30 AM" a month away; "their time: Mar 11, 2031, 7:30
   * AM" when the other firm's morning is the viewer's evening before (`reference`: the meeting).
   */
  when: (iso: string, timeZone?: string, reference?: string) => string;
}

/** The calendar day of an instant in a zone, for comparing days. */
function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(iso));
}

export const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's own variant of the chosen language (en-GB writes 22:00, en-US 10:00 PM). */
function formatLocale(language: Language): string {
  const own = navigator.language;
  return language === 'en' && own.toLowerCase().startsWith('en') ? own : language;
}

/** One cache of compiled messages and formatters for every `makeI18n`, as FormatJS advises. */
const cache = createIntlCache();

/**
 * The messages of `language` compiled by FormatJS. A message that does not parse, or a value it
 * names and is not given, throws in development and in the tests (messages.test.ts formats every
 * message), so that it is seen at once; a user of the built app sees the message as written.
 */
function makeIntl(language: Language): IntlShape {
  return createIntl(
    {
      locale: formatLocale(language),
      defaultLocale: 'en',
      messages: MESSAGES[language],
      onError: (error) => {
        if (import.meta.env.DEV) throw error;
        console.error(error);
      },
    },
    cache,
  );
}

/** The words and formats of `language` for a viewer in `viewerZone` (the browser's by default). */
export function makeI18n(language: Language, viewerZone = VIEWER_ZONE): I18n {
  const intl = makeIntl(language);
  return {
    language,
    t: (key, values) => intl.formatMessage({ id: key }, values),
    dateTime: (iso, timeZone = viewerZone) =>
      intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    time: (iso, timeZone = viewerZone) => intl.formatTime(iso, { timeStyle: 'short', timeZone }),
    date: (calendarDate) =>
      intl.formatDate(`${calendarDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    when: (iso, timeZone = viewerZone, reference = new Date().toISOString()) =>
      dayIn(iso, timeZone) === dayIn(reference, viewerZone)
        ? intl.formatTime(iso, { timeStyle: 'short', timeZone })
        : intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
