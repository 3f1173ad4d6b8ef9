import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * `npm start` without SMTP_URL: a local mail catcher, so that a newcomer sees the demo's emails
 * arrive. An SMTP server (smtp-server) keeps the last 500 emails in memory, parsed with
 * mailparser, and a mailbox page of its own (node's http, on its own port) lists them newest first
 * and shows one: its HTML in a sandboxed iframe (no scripts, no network), its text, its headers
 * and its attachments to download. It exists only under `npm start`; nothing is kept on disk.
 */

const KEEP = 500;

interface CaughtMail {
  id: number;
  receivedAt: Date;
  mail: ParsedMail;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const PAGE_STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1f2933;background:#f3f5f8}
header{background:#0b5cab;color:#fff;padding:12px 20px;font-weight:bold}header a{color:#fff}
main{padding:16px 20px;max-width:1100px}table{border-collapse:collapse;width:100%;background:#fff}
td,th{padding:8px 10px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
a{color:#0b5cab}iframe{width:100%;height:70vh;border:1px solid #dde3ea;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #dde3ea;padding:12px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style></head>
<body><header><a href="/">TradeMatch mailbox</a> · emails sent while running npm start (the last ${KEEP}, kept in memory)</header><main>${body}</main></body></html>`;
}

function listPage(mails: CaughtMail[]): string {
  if (mails.length === 0) {
    return page(
      'Mailbox',
      '<p>No email yet. Sign in as a demo firm and ask another firm for a meeting: its users get an email here.</p><p><a href="/">Refresh</a></p>',
    );
  }
  const rows = [...mails]
    .reverse()
    .map(
      ({ id, receivedAt, mail }) =>
        `<tr><td>${escape(receivedAt.toISOString().replace('T', ' ').slice(0, 19))} UTC</td>` +
        `<td>${escape(
          mail.to
            ? [mail.to]
                .flat()
                .map((to) => to.text)
                .join(', ')
            : '',
        )}</td>` +
        `<td><a href="/mail/${id}">${escape(mail.subject ?? '(no subject)')}</a></td>` +
        `<td>${mail.attachments.length > 0 ? `${mail.attachments.length} attachment(s)` : ''}</td></tr>`,
    )
    .join('');
  return page(
    'Mailbox',
    `<p>${mails.length} emails, newest first · <a href="/">refresh</a></p><table><thead><tr><th>received</th><th>to</th><th>subject</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function mailPage({ id, receivedAt, mail }: CaughtMail): string {
  const headers = ['from', 'to', 'subject', 'date', 'message-id', 'list-unsubscribe']
    .map((name) => [name, mail.headerLines.find((line) => line.key === name)?.line] as const)
    .filter(([, line]) => line)
    .map(([name, line]) => `<dt>${name}</dt><dd>${escape(line!.replace(/^[^:]+:\s*/, ''))}</dd>`)
    .join('');
  const attachments = mail.attachments
    .map(
      (attachment, index) =>
        `<li><a href="/mail/${id}/attachments/${index}" download="${escape(attachment.filename ?? `attachment-${index}`)}">${escape(attachment.filename ?? `attachment-${index}`)}</a> (${escape(attachment.contentType)}, ${attachment.size} bytes)</li>`,
    )
    .join('');
  return page(
    mail.subject ?? 'Email',
    `<p><a href="/">← all emails</a> · received ${escape(receivedAt.toISOString())}</p>
<h1>${escape(mail.subject ?? '(no subject)')}</h1><dl>${headers}</dl>
${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ''}
${mail.html ? `<h2>HTML</h2><iframe sandbox title="the email's HTML part" src="/mail/${id}/html"></iframe>` : ''}
<h2>Text</h2><pre>${escape(mail.text ?? '')}</pre>`,
  );
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function listen(server: Server | SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      // The usual port is taken (another mail catcher, say): any free one will do.
      if (error.code === 'EADDRINUSE' && port !== 0) resolve(listen(server, 0));
      else reject(error);
    };
    const raw = server instanceof SMTPServer ? server.server : server;
    raw.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      raw.off('error', onError);
      resolve((raw.address() as AddressInfo).port);
    });
  });
}

export async function startMailCatcher(ports = { smtp: 1025, web: 1080 }): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  let next = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          mails.push({ id: next++, receivedAt: new Date(), mail });
          if (mails.length > KEEP) mails.splice(0, mails.length - KEEP);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  smtp.on('error', () => undefined);

  const web = createHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mailbox').pathname;
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', listPage(mails));
    const match = /^\/mail\/(\d+)(\/html|\/attachments\/(\d+))?$/.exec(path);
    const caught = match && mails.find((entry) => entry.id === Number(match[1]));
    if (!match || !caught) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    if (!match[2]) return send(response, 200, 'text/html; charset=utf-8', mailPage(caught));
    if (match[2] === '/html') {
      // Shown in a sandboxed iframe, and with a policy that lets it load nothing but its styles.
      response.setHeader(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      return send(response, 200, 'text/html; charset=utf-8', caught.mail.html || '');
    }
    const attachment = caught.mail.attachments[Number(match[3])];
    if (!attachment) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    response.setHeader(
      'content-disposition',
      `attachment; filename="${(attachment.filename ?? 'attachment').replace(/[^\w.-]/g, '_')}"`,
    );
    return send(response, 200, 'application/octet-stream', attachment.content);
  });

  const smtpPort = await listen(smtp, ports.smtp);
  const webPort = await listen(web, ports.web);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://localhost:${webPort}/`,
    stop: async () => {
      await Promise.all([
        new Promise<void>((done) => smtp.close(() => done())),
        new Promise<void>((done) => {
          web.closeAllConnections();
          web.close(() => done());
        }),
      ]);
    },
  };
}
