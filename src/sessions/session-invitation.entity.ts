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
import type { Company } from '../companies/company.entity';
import type { User } from '../users/user.entity';
import type { MatchmakingSession } from './session.entity';

/**
 * An organiser's invitation of a firm, by email, to register and take part in a session. The
 * link's holder signs up (or in) and claims it (`claimedBy`); the first of their companies that is
 * verified joins the session (`companyId`), at once or when an organiser verifies it. One per
 * session and address (inviting again replaces the link); the SHA-256 of the secret is stored.
 */
@Entity('session_invitations')
@Index('session_invitations_session_email_key', ['sessionId', 'email'], { unique: true })
export class SessionInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  /** The name the organiser gave the firm (may be empty). */
  @Column({ type: 'text', name: 'company_name', default: '' })
  companyName: string;

  @Index('session_invitations_hash_key', { unique: true })
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'uuid', name: 'invited_by', nullable: true })
  invitedBy: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter: Relation<User> | null;

  /** The account that followed the link (null: not yet). */
  @Index('session_invitations_claimed_by_idx')
  @Column({ type: 'uuid', name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by' })
  claimer: Relation<User> | null;

  /** The company that joined the session through it (null: none yet). */
  @Column({ type: 'uuid', name: 'company_id', nullable: true })
  companyId: string | null;

  @ManyToOne('Company', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company> | null;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
