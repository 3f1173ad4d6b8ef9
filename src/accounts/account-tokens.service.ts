import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { hashSecretToken, newSecretToken } from '../common/secret-token';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';

/** How long each kind of link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'password-reset': 3600_000,
  'email-verification': 7 * 24 * 3600_000,
  'email-change': 24 * 3600_000,
};

/** The one answer to a link that does not work, whatever the reason (unknown, used, expired). */
export function badToken(): AppError {
  return new AppError(
    'bad-request',
    'auth.token_invalid_link',
    'This link is not valid: it was used already, has expired or was replaced by a newer one',
    { token: ['is not valid (used, expired or replaced by a newer link)'] },
  );
}

/** The links of account emails: issued inside a change's transaction, used once. */
@Injectable()
export class AccountTokensService {
  /**
   * A new link of `purpose` for the user, replacing their earlier unused ones of that purpose;
   * returns the secret, which only the email carries.
   */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    email: string,
  ): Promise<string> {
    const { token, hash } = newSecretToken();
    await manager.delete(AccountToken, { userId, purpose });
    await manager.insert(AccountToken, {
      userId,
      purpose,
      email,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    });
    return token;
  }

  /** The unused, unexpired link of `purpose` with this secret, or null; reads without locking. */
  async peek(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    token: string,
  ): Promise<AccountToken | null> {
    const found = await manager.findOneBy(AccountToken, {
      tokenHash: hashSecretToken(token),
      purpose,
    });
    return found && !found.usedAt && found.expiresAt.getTime() > Date.now() ? found : null;
  }

  /**
   * Uses the link up inside `manager`'s transaction (the row locked, so that two uses at once
   * cannot both pass); a bad, used or expired link is a 400 naming `token`.
   */
  async consume(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    token: string,
  ): Promise<AccountToken> {
    const found = await manager.findOne(AccountToken, {
      where: { tokenHash: hashSecretToken(token), purpose },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found || found.usedAt || found.expiresAt.getTime() <= Date.now()) throw badToken();
    await manager.update(AccountToken, { id: found.id }, { usedAt: new Date() });
    return found;
  }
}
