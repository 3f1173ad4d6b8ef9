import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { CompanyMember } from '../companies/company-member.entity';

export const ROLES = ['admin', 'organiser', 'member'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role', default: 'member' })
  role: Role;

  /** When an admin disabled the account (null: active); a disabled user's tokens are refused. */
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  /** When the user followed the link sent to `email` (null: not verified yet; nothing waits on it). */
  @Column({ type: 'timestamptz', name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  /**
   * Access tokens carry the generation they were signed in; changing or resetting the password
   * moves it on, so that every token signed before is refused (every other session signed out).
   */
  @Column({ type: 'integer', name: 'token_generation', default: 0 })
  tokenGeneration: number;

  @OneToMany('CompanyMember', (member: CompanyMember) => member.user)
  memberships: Relation<CompanyMember>[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
