import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { User } from '../users/user.entity';
import { toUserView, UsersService, type UserView } from '../users/users.service';
import { AccountMail } from './account-mail.service';
import { AccountTokensService, badToken } from './account-tokens.service';
import { lockUser, PasswordsService } from './passwords.service';

function emailTaken(): AppError {
  // The same answer as signing up with a taken address: it says no more than registration does.
  return AppError.conflict('user.email_taken', 'An account with this email already exists');
}

/**
 * A user's address: verifying it (a link sent to it; nothing is refused before), and changing it
 * (a link sent to the new one; the change takes effect when it is followed).
 */
@Injectable()
export class EmailAddressesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly links: AccountTokensService,
    private readonly mail: AccountMail,
    private readonly limits: RateLimitService,
    private readonly passwords: PasswordsService,
  ) {}

  /** Writes a verification link for the user's current address in `manager`'s transaction. */
  async sendVerification(manager: EntityManager, user: User): Promise<void> {
    const token = await this.links.issue(manager, user.id, 'email-verification', user.email);
    await this.mail.send(manager, {
      kind: 'email.verification',
      userId: user.id,
      to: user.email,
      link: `/verify-email?token=${encodeURIComponent(token)}`,
    });
  }

  /** Sends the link again (three per 15 minutes); `409` when the address is verified already. */
  async resendVerification(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('user', userId);
    if (user.emailVerifiedAt) {
      throw AppError.conflict('auth.email_already_verified', 'This address is verified already');
    }
    await this.limits.consumeAccountEmail('email-verification', user.email);
    await this.dataSource.transaction((manager) => this.sendVerification(manager, user));
  }

  /** Follows a verification link: the address it was sent to is verified, if still the user's. */
  async confirmVerification(token: string): Promise<{ user: UserView }> {
    const user = await this.dataSource.transaction(async (manager) => {
      const link = await this.links.consume(manager, 'email-verification', token);
      const found = await lockUser(manager, link.userId);
      if (!found || found.email !== link.email) throw badToken();
      found.emailVerifiedAt ??= new Date();
      return manager.save(found);
    });
    return { user: toUserView(user) };
  }

  /**
   * Asks to change the address: the current password first (a wrong one counts as a failed
   * sign-in), then a link to the new address; the account keeps the old one until it is followed.
   */
  async requestChange(
    userId: string,
    email: string,
    currentPassword: string,
    clientAddress: string,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('user', userId);
    await this.passwords.assertPassword(user.email, currentPassword, clientAddress);
    if (email === user.email) {
      throw AppError.invalid(
        { email: ['is already the address of this account'] },
        { email: [{ rule: 'sameEmail' }] },
      );
    }
    if (await this.users.findForLogin(email)) throw emailTaken();
    await this.limits.consumeAccountEmail('email-change', email);
    await this.dataSource.transaction(async (manager) => {
      const token = await this.links.issue(manager, user.id, 'email-change', email);
      await this.mail.send(manager, {
        kind: 'email.change',
        userId: user.id,
        to: email,
        link: `/verify-email?change=1&token=${encodeURIComponent(token)}`,
      });
    });
  }

  /** Follows the link sent to a new address: it becomes the account's, verified. */
  async confirmChange(token: string): Promise<{ user: UserView }> {
    try {
      const user = await this.dataSource.transaction(async (manager) => {
        const link = await this.links.consume(manager, 'email-change', token);
        const found = await lockUser(manager, link.userId);
        if (!found) throw badToken();
        found.email = link.email;
        found.emailVerifiedAt = new Date();
        return manager.save(found);
      });
      return { user: toUserView(user) };
    } catch (error) {
      // Someone signed up with the address meanwhile: the link stays unused (rolled back).
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }
}
