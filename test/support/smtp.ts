import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the tests (smtp-server), keeping every email it accepts parsed with
 * mailparser. `stop()` closes it (the port is kept, so `start()` again listens where the
 * workers' SMTP_URL points): the fault of an SMTP server that is down for a while.
 */
export class TestSmtp {
  readonly mails: ParsedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  /** `delayMs`: how long the server takes to accept each email (a slow server, for fault tests). */
  constructor(private readonly delayMs = 0) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Open (pooled) connections are cut soon after, as when a mail server goes away.
      closeTimeout: 200,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            this.mails.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The emails to one address. */
  to(address: string): ParsedMail[] {
    return this.mails.filter((mail) =>
      [mail.to]
        .flat()
        .some((to) => to?.value.some((entry) => entry.address?.toLowerCase() === address)),
    );
  }
}

/** Polls until `count` emails reached `address`, or fails after `timeoutMs`. */
export async function mailsTo(
  smtp: TestSmtp,
  address: string,
  count = 1,
  timeoutMs = 15_000,
): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = smtp.to(address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) {
      throw new Error(`${mails.length} of ${count} emails reached ${address} in ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
