import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { hashPassword } from '../auth/password';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { paginate, type Page } from '../common/pagination';
import type { ListUsersQuery } from './dto/create-user.dto';
import { User, type Role } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/** The public face of a user on the wire (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The user followed the link sent to their address (nothing is refused before). */
  emailVerified: boolean;
  createdAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** What an admin sees of an account: its view and whether it is disabled. */
export interface AdminUserView extends UserView {
  disabled: boolean;
  disabledAt: string | null;
}

export function toAdminUserView(user: User): AdminUserView {
  return {
    ...toUserView(user),
    disabled: user.disabledAt !== null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Accounts for admins, newest first, filtered by words of the email or name, role, disabled. */
  list(query: ListUsersQuery): Promise<Page<AdminUserView>> {
    const builder = this.users.createQueryBuilder('user');
    if (query.q) {
      const words = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere('(user.email ILIKE :words OR user.name ILIKE :words)', { words });
    }
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.disabled) {
      builder.andWhere(`user.disabledAt IS ${query.disabled === 'true' ? 'NOT ' : ''}NULL`);
    }
    builder.orderBy('user.createdAt', 'DESC').addOrderBy('user.id', 'ASC');
    return paginate(builder, query, toAdminUserView);
  }

  /** With the password hash, for sign-in only. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  async create(input: NewUser): Promise<User> {
    return this.insert(input, await hashPassword(input.password));
  }

  /**
   * A new account with its password already hashed, inside `manager`'s transaction when given
   * (sign-up writes its verification email in it). The hash is made before the transaction, so
   * that no pooled connection waits on argon2 (20 sign-ups at once exhausted the pool).
   */
  async insert(input: NewUser, passwordHash: string, manager?: EntityManager): Promise<User> {
    const users = manager ? manager.getRepository(User) : this.users;
    try {
      return await users.save(
        users.create({
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          passwordHash,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw AppError.conflict('user.email_taken', 'An account with this email already exists');
      }
      throw error;
    }
  }

  /**
   * Stores `next`, a hash of the same password made with today's parameters, in place of
   * `previous`, unless the password was changed meanwhile (then the newer one stays). Sessions
   * are not signed out: the password is the same. True when it was stored.
   */
  async replacePasswordHash(id: string, previous: string, next: string): Promise<boolean> {
    const result = await this.users
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash: next })
      .where('id = :id AND password_hash = :previous', { id, previous })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Disables (or enables again) an account. An admin may not disable their own, so that the
   * platform always keeps one who can undo it.
   */
  async setDisabled(actorId: string, id: string, disabled: boolean): Promise<User> {
    if (disabled && actorId === id) {
      throw AppError.conflict('user.disable_self', 'You cannot disable your own account');
    }
    const user = await this.findById(id);
    if (!user) throw AppError.notFound('user', id);
    user.disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
    return this.users.save(user);
  }

  /** Creates the first admin if no account has that email yet; safe to run from many processes. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({ email: email.toLowerCase(), name: 'Administrator', role: 'admin', passwordHash })
      .orIgnore()
      .execute();
    if (result.identifiers.length > 0 && result.identifiers[0] !== undefined) {
      this.logger.log(`Created the first admin ${email}`);
    }
  }
}
