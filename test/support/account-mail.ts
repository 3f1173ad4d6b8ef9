import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import type { AccountEmail } from '../../src/accounts/account-mail.service';
import type { AccountTokenPurpose } from '../../src/accounts/account-token.entity';
import { AccountTokensService } from '../../src/accounts/account-tokens.service';
import { newSecretToken } from '../../src/common/secret-token';
import { eventually, startWorker } from './app';
import { TestSmtp } from './smtp';

/** The public address of the app in the suites that read account emails (`useApi({APP_URL})`). */
export const MAIL_APP_URL = 'http://trade-match.test:8080';

/** Where each kind of account email links to, in the web app. */
const LINKS: Record<AccountEmail['kind'], string> = {
  'password.reset': '/reset-password?token=',
  'email.verification': '/verify-email?token=',
  'email.change': '/verify-email?change=1&token=',
  invitation: '/invitations/accept?token=',
};

/**
 * The account emails as they arrive: a real SMTP server (smtp-server, parsed with mailparser)
 * and the real worker sending the outbox to it. An email's kind is told by the link it carries.
 */
export class AccountMailbox {
  readonly smtp = new TestSmtp();
  private worker?: INestApplicationContext;

  async start(): Promise<void> {
    await this.smtp.start();
    this.worker = await startWorker({
      SMTP_URL: this.smtp.url,
      APP_URL: MAIL_APP_URL,
      OUTBOX_SWEEP_MS: '300',
    });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.smtp.stop();
  }

  /** Every email of this kind that reached this address so far. */
  to(address: string, kind: AccountEmail['kind']): ParsedMail[] {
    const link = `${MAIL_APP_URL}${LINKS[kind]}`;
    return this.smtp.to(address.toLowerCase()).filter((mail) => (mail.text ?? '').includes(link));
  }

  /** Waits until `count` emails of this kind reached the address; the newest. */
  async mail(address: string, kind: AccountEmail['kind'], count = 1): Promise<ParsedMail> {
    const mails = await eventually(() => {
      const found = this.to(address, kind);
      return Promise.resolve(found.length >= count ? found : undefined);
    }, 20_000);
    return mails[mails.length - 1];
  }

  /** The token of the link of the newest email of this kind to the address (waiting for it). */
  async token(address: string, kind: AccountEmail['kind'], count = 1): Promise<string> {
    const mail = await this.mail(address, kind, count);
    const link = linkIn(mail, `${MAIL_APP_URL}${LINKS[kind]}`);
    return new URL(link).searchParams.get('token') ?? '';
  }
}

/** The first link in an email's text that starts so. */
export function linkIn(mail: ParsedMail, start: string): string {
  const text = mail.text ?? '';
  const at = text.indexOf(start);
  if (at < 0) throw new Error(`no link ${start} in ${text}`);
  return /^\S+/.exec(text.slice(at))![0];
}

/**
 * A working link of an account email for a user, made as the app makes them (for suites that try
 * every route and need a valid token without reading mail): its token.
 */
export function accountLink(
  app: INestApplicationContext,
  userId: string,
  purpose: AccountTokenPurpose,
  email: string,
): Promise<string> {
  const links = app.get(AccountTokensService);
  return app.get(DataSource).transaction((manager) => links.issue(manager, userId, purpose, email));
}

/** A working invitation to a company (stored as the app stores them): its token. */
export async function invitationLink(
  app: INestApplicationContext,
  companyId: string,
  email: string,
  role: 'owner' | 'member' = 'member',
): Promise<string> {
  const { token, hash } = newSecretToken();
  await app.get(DataSource).query(
    `INSERT INTO company_invitations (company_id, email, role, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + interval '1 day')
     ON CONFLICT (company_id, email) DO UPDATE SET token_hash = excluded.token_hash`,
    [companyId, email, role, hash],
  );
  return token;
}
