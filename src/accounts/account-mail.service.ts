import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The emails of accounts and teams, each with a link into the web app that carries a secret. */
export type AccountEmail =
  | { kind: 'password.reset'; userId: string; to: string; link: string }
  | { kind: 'email.verification'; userId: string; to: string; link: string }
  /** The confirmation sent to a new address (the account's own is still the old one). */
  | { kind: 'email.change'; userId: string; to: string; link: string }
  | {
      kind: 'invitation';
      /** The invited address's account, if it has one. */
      userId: string | null;
      to: string;
      link: string;
      companyName: string;
      inviterName: string;
      role: 'owner' | 'member';
    };

/**
 * Writes an account email in the transaction of the change that causes it (the link is stored
 * hashed in the same transaction, so a link is never mailed for a change that rolled back).
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger(AccountMail.name);

  // eslint-disable-next-line @typescript-eslint/require-await
  async send(_manager: EntityManager, email: AccountEmail): Promise<void> {
    this.logger.debug(`account email ${email.kind} not sent: no mail core yet`);
  }
}
