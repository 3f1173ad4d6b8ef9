import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { User } from '../users/user.entity';

export const ACCOUNT_TOKEN_PURPOSES = [
  'password-reset',
  'email-verification',
  'email-change',
] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * The link of an account email: a password reset, an address to verify, a new address to confirm.
 * Only the SHA-256 of the link's secret is stored (`common/secret-token.ts`); a link works once,
 * until `expiresAt`, and a new link of the same purpose replaces the user's earlier ones.
 */
@Entity('account_tokens')
@Index('account_tokens_user_idx', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ type: 'enum', enum: ACCOUNT_TOKEN_PURPOSES, enumName: 'account_token_purpose' })
  purpose: AccountTokenPurpose;

  /** SHA-256 of the secret, hex. */
  @Index('account_tokens_hash_key', { unique: true })
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  /** The address the link was sent to: the one it verifies, or the new one it confirms. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
