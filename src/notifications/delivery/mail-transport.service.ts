import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { OutboxMessage } from '../outbox-message.entity';

/**
 * The SMTP connection pool of a worker (nodemailer over SMTP_URL), and how an outbox row becomes
 * a message: `Message-ID` `<outbox-id@host of APP_URL>`, the same for every attempt, so that a
 * copy sent twice (a worker killed between the server's acceptance and the record of it) is
 * recognisable as one; the RFC 8058 one-click headers for kinds that may be turned off; the
 * `.ics` attached. Timeouts stay well inside the lease (OUTBOX_LEASE_MS), so a send that hangs
 * gives up before another worker may take the row.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly host: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.host = new URL(config.appUrl).hostname;
    const timeout = Math.max(1000, Math.floor(config.outboxLeaseMs / 3));
    this.transporter = config.smtpUrl
      ? createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: 5,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  messageId(outboxId: string): string {
    return `<${outboxId}@${this.host}>`;
  }

  async send(message: OutboxMessage): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      messageId: this.messageId(message.id),
      headers: message.unsubscribeUrl
        ? {
            'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {},
      attachments: message.ics
        ? [
            {
              filename: message.ics.filename,
              content: message.ics.content,
              contentType: 'text/calendar; charset=utf-8',
            },
          ]
        : [],
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
