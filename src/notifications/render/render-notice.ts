/**
 * Notifications into words: a kind and its parameters, in a reader's language and time zone,
 * become a title, a body and an action label. Pure (no Nest, no database): the API renders the
 * in-app list with it at read time, `notify` renders emails with it at write time, and the unit
 * tests and the benchmark call it directly.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language, NotificationKind } from '../notification.wire';
import { en, type MessageKey } from '../words/en';
import { zhHant } from '../words/zh-Hant';
import {
  isMoment,
  isNoticeList,
  type Moment,
  type NoticeParam,
  type NoticeParams,
} from './notice-params';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-Hant': zhHant };
/** The locale each language writes dates in. */
const LOCALES: Record<Language, string> = { en: 'en-GB', 'zh-Hant': 'zh-Hant-HK' };

/** The kinds that have words in the catalogue: only these can be notified. */
export type TemplatedKind = {
  [K in NotificationKind]: `${K}.title` extends MessageKey ? K : never;
}[NotificationKind];

export interface RenderedNotice {
  title: string;
  body: string;
  action: string;
}

const compiled = new Map<string, IntlMessageFormat>();

/** One message of the catalogue, with its values, in a language (compiled once, then cached). */
export function message(
  language: Language,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[language][key], LOCALES[language]);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `Tue 2 Jun 2031, 09:00 HKT`-like, in a zone and a language. */
export function formatInstant(at: string, timezone: string, language: Language): string {
  const cacheKey = `${language}\u0000${timezone}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: timezone,
      timeZoneName: 'short',
    });
    dateFormats.set(cacheKey, format);
  }
  return format.format(new Date(at));
}

/** A moment in the reader's zone, with the other firm's local time beside it when it has one. */
export function formatMoment(moment: Moment, timezone: string, language: Language): string {
  const time = formatInstant(moment.at, timezone, language);
  if (!moment.otherZone || moment.otherZone === timezone) return time;
  return message(language, 'time.withOther', {
    time,
    otherName: moment.otherName ?? moment.otherZone,
    otherTime: formatInstant(moment.at, moment.otherZone, language),
  });
}

/**
 * Words of the catalogue that are not a kind of their own: emails sent under a kind (for its
 * delivery rules) with other words, such as a session's invitation (kind `invitation`).
 */
export const EMAIL_ONLY_WORDS = ['session.invitation'] as const;
export type EmailWords = TemplatedKind | (typeof EMAIL_ONLY_WORDS)[number];

/** The words of one notice for one reader. */
export function renderNotice(
  kind: EmailWords,
  params: NoticeParams,
  reader: { language: Language; timezone: string },
): RenderedNotice {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] = isNoticeList(value)
      ? value.items
          .map(
            (item) =>
              `• ${message(reader.language, value.line as MessageKey, paramValues(item, reader))}`,
          )
          .join('\n')
      : writeValue(value, reader);
  }
  return {
    title: message(reader.language, `${kind}.title`, values),
    body: message(reader.language, `${kind}.body`, values),
    action: message(reader.language, `${kind}.action`, values),
  };
}

function writeValue(
  value: Exclude<NoticeParam, { items: unknown }>,
  reader: { language: Language; timezone: string },
): string | number {
  return isMoment(value) ? formatMoment(value, reader.timezone, reader.language) : value;
}

function paramValues(
  item: Record<string, string | number | Moment>,
  reader: { language: Language; timezone: string },
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [name, writeValue(value, reader)]),
  );
}

/** Whether a kind stored in the database has words (a kind of a newer version may not, yet). */
export function isTemplated(kind: string): kind is TemplatedKind {
  return `${kind}.title` in en;
}
