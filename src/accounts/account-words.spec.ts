import { LANGUAGES } from '../notifications/notification.wire';
import { message, renderNotice } from '../notifications/render/render-notice';

describe('the words of account and team emails', () => {
  const cases = [
    ['password.reset', { email: 'ada@harbourpay.hk' }],
    ['email.verification', { email: 'ada@harbourpay.hk', change: 'no' }],
    ['email.verification', { email: 'ada@harbourpay.hk', change: 'yes' }],
    ['invitation', { inviter: 'Ada Chan', company: 'Harbour Pay', role: 'owner' }],
    ['invitation', { inviter: 'Ada Chan', company: 'Harbour Pay', role: 'member' }],
  ] as const;

  it.each(LANGUAGES.flatMap((language) => cases.map((c) => [language, ...c] as const)))(
    '%s %s %o: a title, a body and an action, every value in place',
    (language, kind, params) => {
      const words = renderNotice(kind, params, { language, timezone: 'Asia/Hong_Kong' });
      for (const text of [words.title, words.body, words.action]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
      }
      if (kind !== 'invitation') expect(words.body).toContain('ada@harbourpay.hk');
      else expect(words.title).toContain('Harbour Pay');
    },
  );

  it('tells a new address and a verification apart, and an owner from a member', () => {
    const en = { language: 'en', timezone: 'UTC' } as const;
    const title = (change: string) =>
      renderNotice('email.verification', { email: 'a@b.c', change }, en).title;
    expect(title('yes')).toBe('Confirm your new TradeMatch address');
    expect(title('no')).toBe('Verify your TradeMatch address');
    const body = (role: string) =>
      renderNotice('invitation', { inviter: 'A', company: 'C', role }, en).body;
    expect(body('owner')).toContain('an owner');
    expect(body('member')).toContain('a member');
    expect(message('zh-Hant', 'email.whyInvited', { inviter: 'A', email: 'x@y.z' })).toContain(
      'x@y.z',
    );
  });
});
