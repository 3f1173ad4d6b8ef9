import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountMail, type AccountEmail } from '../../src/accounts/account-mail.service';
import type { AccountTokenPurpose } from '../../src/accounts/account-token.entity';
import { AccountTokensService } from '../../src/accounts/account-tokens.service';
import { newSecretToken } from '../../src/common/secret-token';
import { eventually } from './app';

/**
 * The account emails the app wrote, as they were handed to the mail (the real AccountMail still
 * runs): the link of each, by address and kind. Read in the test's own process.
 */
export class AccountMailbox {
  private readonly sent: AccountEmail[] = [];
  private spy?: jest.SpyInstance;

  start(): void {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own this
    const original = AccountMail.prototype.send;
    const sent = this.sent;
    this.spy = jest.spyOn(AccountMail.prototype, 'send').mockImplementation(function (
      this: AccountMail,
      manager,
      email,
    ) {
      sent.push(email);
      return original.call(this, manager, email);
    });
  }

  stop(): void {
    this.spy?.mockRestore();
  }

  /** Every email of this kind to this address so far. */
  to(address: string, kind: AccountEmail['kind']): AccountEmail[] {
    return this.sent.filter((email) => email.to === address.toLowerCase() && email.kind === kind);
  }

  /** The token of the newest link of this kind to this address (waiting for it to be written). */
  async token(address: string, kind: AccountEmail['kind'], count = 1): Promise<string> {
    const emails = await eventually(() => {
      const found = this.to(address, kind);
      return Promise.resolve(found.length >= count ? found : undefined);
    });
    const link = new URL(emails[emails.length - 1].link, 'http://app.example');
    return link.searchParams.get('token') ?? '';
  }
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
