/**
 * A rendered notice into an email: a plain-text part and an HTML part that read well in common
 * clients (one centred table, inline styles, no external images, fonts or CSS), with the link back
 * into the web app, the settings page, and an unsubscribe link for kinds that may be turned off.
 * Every value is escaped for HTML; the words come from the catalogue, the values from users.
 */
import type { Language } from '../notification.wire';
import { message, type RenderedNotice } from './render-notice';

export interface EmailInput {
  language: Language;
  notice: RenderedNotice;
  recipient: { name: string; email: string };
  /** Absolute link into the web app. */
  url: string;
  settingsUrl: string;
  /** Absolute one-click unsubscribe page, for kinds that may be turned off. */
  unsubscribeUrl: string | null;
  /** Why the reader gets it, when not because they have an account (an invitation). */
  why?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const FONT = `-apple-system,'Segoe UI',Roboto,Arial,'PingFang TC','Microsoft JhengHei','Noto Sans CJK TC',sans-serif`;
const BLUE = '#0b5cab';

export function renderEmail(input: EmailInput): RenderedEmail {
  const { language, notice, recipient, url, settingsUrl, unsubscribeUrl } = input;
  const greeting = message(language, 'email.greeting', { name: recipient.name });
  const why = input.why ?? message(language, 'email.why', { email: recipient.email });
  const settings = message(language, 'email.settings');
  const unsubscribe = unsubscribeUrl ? message(language, 'email.unsubscribe') : null;
  const openLink = message(language, 'email.openLink');

  const text = [
    greeting,
    '',
    notice.title,
    '',
    notice.body,
    '',
    `${notice.action}: ${url}`,
    '',
    '-- ',
    why,
    `${settings}: ${settingsUrl}`,
    ...(unsubscribe ? [`${unsubscribe}: ${unsubscribeUrl}`] : []),
    '',
  ].join('\n');

  const e = escapeHtml;
  const link = (href: string, label: string, style = `color:${BLUE};`) =>
    `<a href="${e(href)}" style="${style}">${e(label)}</a>`;
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(notice.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f5f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f5f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #dde3ea;font-family:${FONT};color:#1f2933;">
<tr><td style="padding:18px 28px;border-bottom:3px solid ${BLUE};font-size:18px;font-weight:bold;color:${BLUE};">TradeMatch</td></tr>
<tr><td style="padding:24px 28px 8px 28px;font-size:15px;line-height:1.55;">
<p style="margin:0 0 16px 0;">${e(greeting)}</p>
<h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;color:#102a43;">${e(notice.title)}</h1>
<p style="margin:0 0 20px 0;">${e(notice.body).replace(/\n/g, '<br>\n')}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="background:${BLUE};border-radius:4px;">
${link(url, notice.action, 'display:inline-block;padding:11px 20px;color:#ffffff;font-weight:bold;text-decoration:none;')}
</td></tr></table>
<p style="margin:16px 0 0 0;font-size:13px;color:#52606d;">${e(openLink)} ${link(url, url)}</p>
</td></tr>
<tr><td style="padding:20px 28px;font-size:12px;line-height:1.5;color:#7b8794;border-top:1px solid #e4e7eb;">
${e(why)}<br>
${link(settingsUrl, settings, 'color:#52606d;')}${unsubscribe && unsubscribeUrl ? ` &middot; ${link(unsubscribeUrl, unsubscribe, 'color:#52606d;')}` : ''}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject: notice.title, text, html };
}
