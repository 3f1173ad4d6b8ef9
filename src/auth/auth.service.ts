import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EmailAddressesService } from '../accounts/email-addresses.service';
import { AppError } from '../common/app-error';
import { CompaniesService, type MembershipView } from '../companies/companies.service';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import type { LoginDto, SignUpDto } from '../users/dto/create-user.dto';
import { SettingsService } from '../users/settings.service';
import { toUserView, UsersService, type UserView } from '../users/users.service';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';
import { TokenService } from './token.service';

export interface Session {
  user: UserView;
  accessToken: string;
}

/** Compared against when the email is unknown, so that a miss takes as long as a wrong password. */
const DECOY_HASH = hashPassword('decoy password that matches nothing');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly limits: RateLimitService,
    private readonly companies: CompaniesService,
    private readonly settings: SettingsService,
    private readonly addresses: EmailAddressesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * A new member account with its language and time zone; its verification email (in that
   * language) is written in the same transaction.
   */
  async register(input: SignUpDto): Promise<Session> {
    const { language, timezone, ...account } = input;
    const passwordHash = await hashPassword(account.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.insert(
        { ...account, role: 'member' },
        passwordHash,
        manager,
      );
      await this.settings.initialise(created.id, { language, timezone }, manager);
      await this.addresses.sendVerification(manager, created);
      return created;
    });
    return { user: toUserView(user), accessToken: await this.tokens.sign(user) };
  }

  async login(input: LoginDto, clientAddress: string): Promise<Session> {
    await this.limits.assertLoginAllowed(input.email, clientAddress);
    const user = await this.users.findForLogin(input.email);
    const valid = await verifyPassword(user?.passwordHash ?? (await DECOY_HASH), input.password);
    if (!user || !valid) {
      await this.limits.recordFailedLogin(input.email, clientAddress);
      throw new AppError('unauthorized', 'auth.bad_credentials', 'Wrong email or password');
    }
    await this.limits.clearFailedLogins(input.email, clientAddress);
    if (user.disabledAt) {
      throw AppError.forbidden(
        'auth.user_disabled',
        'This account has been disabled; ask an administrator',
      );
    }
    if (passwordNeedsRehash(user.passwordHash)) {
      await this.rehash(user.id, user.passwordHash, input.password);
    }
    return { user: toUserView(user), accessToken: await this.tokens.sign(user) };
  }

  /**
   * Replaces a hash made with other parameters (e.g. the 64 MiB and 3 passes of before issue 19)
   * now that the password is known, so that a change of parameters reaches every account that
   * signs in. Hashed before the update, so no pooled connection waits on argon2; only the first
   * sign-in after a change pays for it (one hash more). A failure is logged, not the user's
   * problem: the old hash still works and the next sign-in tries again.
   */
  private async rehash(userId: string, previous: string, password: string): Promise<void> {
    try {
      await this.users.replacePasswordHash(userId, previous, await hashPassword(password));
    } catch (error) {
      this.logger.warn(`Could not rehash the password of user ${userId}: ${String(error)}`);
    }
  }

  async me(userId: string): Promise<{ user: UserView; companies: MembershipView[] }> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('user', userId);
    return { user: toUserView(user), companies: await this.companies.listMemberships(userId) };
  }
}
