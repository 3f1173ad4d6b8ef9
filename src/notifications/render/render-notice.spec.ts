import { NOTIFICATION_KINDS } from '../notification.wire';
import { en } from '../words/en';
import { zhHant } from '../words/zh-Hant';
import { renderEmail } from './render-email';
import { EMAIL_ONLY_WORDS, formatMoment, isTemplated, renderNotice } from './render-notice';

const params = {
  fromCompany: 'Maple <Channel> & Co',
  fromCountry: 'CA',
  toCompany: 'Harbour Pay',
  toCountry: 'HK',
  session: 'HK–Canada ICT matching',
  startsAt: { at: '2031-09-15T01:00:00.000Z', otherZone: 'America/Vancouver', otherName: 'Maple' },
  status: 'accepted',
  hasMessage: 'yes',
  message: 'Shall we meet?',
};

describe('renderNotice', () => {
  it('writes a time in the reader’s zone with the other firm’s local time beside it', () => {
    expect(formatMoment(params.startsAt, 'Asia/Hong_Kong', 'en').replace(/\u202f/g, ' ')).toMatch(
      /^Mon, 15 Sept 2031, 09:00 (HKT|GMT\+8) \(Maple: Sun, 14 Sept 2031, 18:00 (PDT|GMT-7)\)$/,
    );
    // The same zone twice says it once.
    expect(formatMoment({ at: params.startsAt.at, otherZone: 'UTC' }, 'UTC', 'en')).not.toContain(
      '(',
    );
  });

  it('renders each wired kind in both languages, selecting on its values', () => {
    const en1 = renderNotice('request.received', params, { language: 'en', timezone: 'UTC' });
    expect(en1.title).toBe('Maple <Channel> & Co asks Harbour Pay for a meeting');
    expect(en1.body).toContain('Their message: “Shall we meet?”');
    const quiet = renderNotice(
      'request.received',
      { ...params, hasMessage: 'no' },
      { language: 'en', timezone: 'UTC' },
    );
    expect(quiet.body).not.toContain('Their message');
    const zh = renderNotice(
      'request.answered',
      { ...params, status: 'accepted' },
      { language: 'zh-Hant', timezone: 'Asia/Hong_Kong' },
    );
    expect(zh.title).toBe('Harbour Pay 已接受您的會面邀請');
    expect(zh.body).toContain('2031年9月15日');
  });

  it('has every key in both languages and only known kinds', () => {
    expect(Object.keys(zhHant).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const kind = key.replace(/\.(title|body|action)$/, '');
      if (kind === key) continue;
      // Words an email of another kind is sent with (a session's invitation is an `invitation`).
      if ((EMAIL_ONLY_WORDS as readonly string[]).includes(kind)) continue;
      expect(NOTIFICATION_KINDS).toContain(kind);
      expect(isTemplated(kind)).toBe(true);
    }
  });

  it('says a request went because a firm left the session, and words a session invitation', () => {
    const reader = { language: 'en' as const, timezone: 'UTC' };
    const left = renderNotice(
      'request.cancelled',
      { ...params, removed: 'yes', removedCompany: 'Harbour Pay' },
      reader,
    );
    expect(left.title).toBe('Harbour Pay no longer takes part in “HK–Canada ICT matching”');
    const withdrawn = renderNotice(
      'request.cancelled',
      { ...params, removed: 'no', removedCompany: '' },
      reader,
    );
    expect(withdrawn.title).toBe('Maple <Channel> & Co withdrew its meeting request');
    for (const language of ['en', 'zh-Hant'] as const) {
      const invited = renderNotice(
        'session.invitation',
        {
          inviter: 'Grace Lau',
          company: 'Northwind',
          session: 'Fintech day',
          startsAt: params.startsAt,
        },
        { language, timezone: 'UTC' },
      );
      expect(invited.title).toContain('Fintech day');
      expect(invited.body).toContain('Northwind');
    }
  });
});

describe('renderEmail', () => {
  it('escapes values in the HTML part and keeps them as they are in the text part', () => {
    const notice = renderNotice('request.received', params, { language: 'en', timezone: 'UTC' });
    const email = renderEmail({
      language: 'en',
      notice,
      recipient: { name: 'Ada "Q" Chan', email: 'ada@harbourpay.hk' },
      url: 'https://app.example/sessions/1?a=1&b=2',
      settingsUrl: 'https://app.example/settings',
      unsubscribeUrl: 'https://app.example/unsubscribe?key=k',
    });
    expect(email.subject).toBe(notice.title);
    expect(email.text).toContain('Maple <Channel> & Co asks');
    expect(email.text).toContain('Answer the request: https://app.example/sessions/1?a=1&b=2');
    expect(email.html).toContain('Maple &lt;Channel&gt; &amp; Co asks');
    expect(email.html).toContain('Hello Ada &quot;Q&quot; Chan,');
    expect(email.html).toContain('href="https://app.example/sessions/1?a=1&amp;b=2"');
    expect(email.html).not.toMatch(/<(script|img|link)\b/);
    expect(email.html).toContain('Stop emails like this one');
    const account = renderEmail({
      language: 'en',
      notice,
      recipient: { name: 'Ada', email: 'ada@harbourpay.hk' },
      url: 'https://app.example/',
      settingsUrl: 'https://app.example/settings',
      unsubscribeUrl: null,
    });
    expect(account.html).not.toContain('Stop emails');
    expect(account.text).not.toContain('Stop emails');
  });
});
