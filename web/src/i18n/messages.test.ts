import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/common/error-codes.wire';
import { FIELD_RULES } from '../../../src/common/field-rules.wire';
import { LANGUAGES, MESSAGES, makeI18n, type Language, type MessageKey } from '.';

const languages = Object.keys(LANGUAGES) as Language[];
const keys = Object.keys(MESSAGES.en).filter((key): key is MessageKey => key in MESSAGES.en);

/**
 * The names of the values a message takes: `{name}` and `{count, plural, …}` alike (not the
 * words of a plural's branch, `=1 {Fill this in.}`).
 */
function valueNames(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();
}

/** A plausible value for every name a message may take; a new name needs one here. */
function plausibleValues(count: number): Record<string, string | number> {
  const text = {
    name: 'Harbour Pay',
    email: 'ada@example.com',
    current: 'ada@old.example.com',
    company: 'Ada Foods',
    role: 'Owner',
    kind: 'Announcements in a session',
    zone: 'Asia/Hong_Kong',
    time: '10:30',
    start: '1 Dec 2026, 09:00',
    end: '1 Dec 2026, 17:00',
    title: 'Hong Kong – Toronto fintech',
    status: 'Verified',
    message: 'A sentence from the API.',
    country: 'HK',
    city: 'Helsinki',
    to: 'CA',
    from: 'HK',
    table: 'T3',
    row: 'row 2',
    outcome: 'Follow-up',
    other: 'Maple Ledger',
    origin: 'HK',
    destination: 'FI',
    leader: 'Grace Lau',
    left: '4:05',
    rating: '4.5',
    score: '87',
    what: 'Ada Foods ↔ Bao Tea',
    where: 'Ada Foods at 10:30',
    first: '2000',
    last: '2099',
    values: 'Hong Kong and Canada',
    asked: 'Only in the session’s morning: 9:00 AM–11:30 AM',
    viewer: 'Harbour Pay',
    offered: 'payment gateways',
    sought: 'distribution in Asia',
    sectors: 'fintech and software',
    partnerTypes: 'distributor',
    languages: 'English',
    viewerCountry: 'Hong Kong',
    list: 'a, b and c',
    date: '19 Dec 2026',
    reason: 'We are fully booked that day.',
    idle: '1 h 20 min',
    venue: 'HKCEC Room S421',
    code: '7KQ2M-X9D4P',
    year: '2026',
    session: 'Hong Kong – Canada ICT matching',
    partner: 'Canada',
  };
  const numbers = [
    'count',
    'minutes',
    'seconds',
    'percent',
    'total',
    'capacity',
    'placed',
    'requested',
    'accepted',
    'pairs',
    'held',
    'all',
    'feedback',
    'max',
    'created',
    'failed',
    'waitlisted',
    'byScore',
    'page',
    'pages',
    'pause',
    'index',
    'noShow',
    'upcoming',
    'added',
    'moved',
    'removed',
    'min',
    'days',
    'common',
    'of',
    'firms',
    'spread',
    'hours',
    'position',
    'registered',
    'months',
    'year',
  ];
  return { ...text, ...Object.fromEntries(numbers.map((name) => [name, count])) };
}

describe('messages', () => {
  it.each(languages)('%s: every message parses and formats, with no { } left over', (language) => {
    const { t } = makeI18n(language);
    for (const count of [0, 1, 2, 1000]) {
      const values = plausibleValues(count);
      for (const key of keys) {
        for (const name of valueNames(MESSAGES[language][key])) {
          expect(values, `${language} ${key} takes {${name}}`).toHaveProperty(name);
        }
        let text = '';
        expect(() => (text = t(key, values)), `${language} ${key}`).not.toThrow();
        expect(text, `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('words every error code and every field rule of the API in every language', () => {
    const wanted = [
      ...ERROR_CODES.map((code) => `error.${code}`),
      ...FIELD_RULES.map((rule) => `rule.${rule}`),
    ];
    for (const language of languages) {
      const messages: Record<string, string> = MESSAGES[language];
      for (const key of wanted) expect(messages[key], `${language} ${key}`).toMatch(/\S/);
    }
    // Chinese, not English copied: a Chinese reader of a 409 or a 400 is told in Chinese.
    for (const key of wanted) {
      expect(MESSAGES['zh-Hant'][key as MessageKey], key).toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('takes the same values in every language', () => {
    for (const key of keys) {
      expect(valueNames(MESSAGES['zh-Hant'][key]), key).toEqual(valueNames(MESSAGES.en[key]));
    }
  });

  it('counts in English: one firm, two firms', () => {
    const { t } = makeI18n('en');
    expect(t('session.participants', { count: 1 })).toBe('1 firm takes part');
    expect(t('session.participants', { count: 2 })).toBe('2 firms take part');
    expect(t('session.participants', { count: 0 })).toBe('0 firms take part');
    expect(t('delegations.full', { capacity: 1 })).toBe(
      'Full (1 place): new applications may be waitlisted',
    );
    expect(t('live.ending', { seconds: 1 })).toBe('This slot ends in 1 second.');
    expect(t('org.session.slotsValue', { count: 1, minutes: 20, pause: 5 })).toBe(
      '1 slot of 20 minutes, 5-minute breaks',
    );
    expect(t('org.import.summary', { created: 1200, total: 1500, failed: 300 })).toBe(
      '1,200 of 1,500 rows imported, 300 refused.',
    );
  });

  it('counts in Chinese, one form for every number', () => {
    const { t } = makeI18n('zh-Hant');
    expect(t('session.participants', { count: 1 })).toBe('1 家公司參加');
    expect(t('session.participants', { count: 2 })).toBe('2 家公司參加');
    expect(t('live.ending', { seconds: 30 })).toBe('本時段將於 30 秒後結束。');
    expect(t('delegations.full', { capacity: 1 })).toBe('名額已滿（1 個）：新申請或會列入候補');
  });

  it('keeps an apostrophe in prose', () => {
    const { t } = makeI18n('en');
    expect(t('org.announce.hint', { max: 500 })).toBe(
      "Everyone in the session's live room sees it at once (at most 500 characters).",
    );
  });
});
