import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/password';
import { TokenService } from '../auth/token.service';
import { AppError } from '../common/app-error';
import { LiveEmitter } from '../live/live-emitter';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { User } from '../users/user.entity';
import { toUserView, UsersService } from '../users/users.service';
import type { Session } from '../auth/auth.service';
import { AccountMail } from './account-mail.service';
import { AccountTokensService, badToken } from './account-tokens.service';

/**
 * Forgotten and changed passwords. Either signs out every other session: the user's token
 * generation moves on, so every access token signed before is refused (`auth.guard.ts`, the live
 * handshake) and their open live connections are closed; the answer carries a new token.
 */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger(PasswordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly links: AccountTokensService,
    private readonly mail: AccountMail,
    private readonly limits: RateLimitService,
    private readonly live: LiveEmitter,
  ) {}

  /**
   * Sends a reset link if the address has an (enabled) account, and says nothing either way: the
   * caller answers 202 at once, before the address is even looked up, so that neither the answer
   * nor its timing tells whether the address has an account. The lookup, the link and the email
   * (one transaction) follow in the background; a failure there is logged, and the user asks
   * again. At most three links per address per 15 minutes; more are dropped as silently.
   */
  requestReset(email: string): void {
    this.sendReset(email).catch((error: unknown) =>
      this.logger.error({ err: error }, 'password reset link not sent'),
    );
  }

  private async sendReset(email: string): Promise<void> {
    const user = await this.users.findForLogin(email);
    if (!user || user.disabledAt) return;
    if (!(await this.limits.accountEmailAllowed('password-reset', user.email))) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.links.issue(manager, user.id, 'password-reset', user.email);
      await this.mail.send(manager, {
        kind: 'password.reset',
        userId: user.id,
        to: user.email,
        link: `/reset-password?token=${encodeURIComponent(token)}`,
      });
    });
  }

  /**
   * Sets a new password with a reset link (once, within the hour) and signs the user in; every
   * other session is signed out. Following the link proves the address too: it is verified.
   */
  async confirmReset(token: string, password: string): Promise<Session> {
    // A link that cannot work is refused before the password is hashed (19 MiB of argon2).
    const peeked = await this.links.peek(this.dataSource.manager, 'password-reset', token);
    if (!peeked) throw badToken();
    const passwordHash = await hashPassword(password);
    return this.setPassword(async (manager) => {
      const link = await this.links.consume(manager, 'password-reset', token);
      const found = await lockUser(manager, link.userId);
      if (!found || found.disabledAt) throw badToken();
      if (!found.emailVerifiedAt && link.email === found.email) found.emailVerifiedAt = new Date();
      found.passwordHash = passwordHash;
      return found;
    });
  }

  /**
   * Changes the password of the signed-in user, who gives the current one (a wrong one counts as
   * a failed sign-in). Every session is signed out, this one included: the answer's token is the
   * one to use from now on.
   */
  async change(
    userId: string,
    currentPassword: string,
    newPassword: string,
    clientAddress: string,
  ): Promise<Session> {
    const current = await this.users.findById(userId);
    if (!current) throw AppError.notFound('user', userId);
    await this.assertPassword(current.email, currentPassword, clientAddress);
    const passwordHash = await hashPassword(newPassword);
    return this.setPassword(async (manager) => {
      const found = await lockUser(manager, userId);
      if (!found) throw AppError.notFound('user', userId);
      found.passwordHash = passwordHash;
      return found;
    });
  }

  /**
   * Saves the user `change` locked and gave a new password in one transaction, with the token
   * generation moved on: every session is signed out (their live connections closed too), and
   * the answer carries the one token that works from now on.
   */
  private async setPassword(change: (manager: EntityManager) => Promise<User>): Promise<Session> {
    const user = await this.dataSource.transaction(async (manager) => {
      const changed = await change(manager);
      changed.tokenGeneration += 1;
      return manager.save(changed);
    });
    this.live.disconnectUser(user.id);
    return { user: toUserView(user), accessToken: await this.tokens.sign(user) };
  }

  /**
   * Refuses a wrong current password with a 400 naming `currentPassword`, counted with failed
   * sign-ins: five from one address lock it as sign-in does.
   */
  async assertPassword(email: string, password: string, clientAddress: string): Promise<void> {
    await this.limits.assertLoginAllowed(email, clientAddress);
    const user = await this.users.findForLogin(email);
    if (user && (await verifyPassword(user.passwordHash, password))) return;
    await this.limits.recordFailedLogin(email, clientAddress);
    throw new AppError('bad-request', 'auth.wrong_password', 'The current password is wrong', {
      currentPassword: ['is wrong'],
    });
  }
}

/** The user's row, locked for the transaction's change. */
export function lockUser(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
}
