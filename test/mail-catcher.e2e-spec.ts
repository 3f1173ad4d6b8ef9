import { createTransport } from 'nodemailer';
import { startMailCatcher, type MailCatcher } from '../src/launcher/mail-catcher';

/** `npm start`'s mail catcher: what an SMTP client sends shows on the mailbox page. */
describe('the mail catcher of npm start', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtp: 0, web: 0 });
  });
  afterAll(() => catcher.stop());

  it('lists emails newest first, shows one (HTML sandboxed, text) and serves its attachments', async () => {
    const transport = createTransport({ url: catcher.smtpUrl });
    for (const subject of ['First <one>', 'Second']) {
      await transport.sendMail({
        from: 'TradeMatch <no-reply@trade-match.local>',
        to: 'ada@harbourpay.hk',
        subject,
        text: `Text of ${subject}`,
        html: `<p>HTML of ${subject}</p><script>alert(1)</script>`,
        attachments: [{ filename: 'agenda.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
      });
    }
    transport.close();
    const list = await (await fetch(catcher.webUrl)).text();
    expect(list.indexOf('Second')).toBeLessThan(list.indexOf('First &lt;one&gt;'));
    expect(list).toContain('ada@harbourpay.hk');
    const detail = await (await fetch(new URL('/mail/1', catcher.webUrl))).text();
    expect(detail).toContain('<iframe sandbox');
    expect(detail).toContain('Text of First &lt;one&gt;');
    const html = await fetch(new URL('/mail/1/html', catcher.webUrl));
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toContain('<p>HTML of First <one></p>');
    const attachment = await fetch(new URL('/mail/1/attachments/0', catcher.webUrl));
    expect(attachment.headers.get('content-disposition')).toContain('agenda.ics');
    expect(await attachment.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(new URL('/mail/99', catcher.webUrl))).status).toBe(404);
  });
});
