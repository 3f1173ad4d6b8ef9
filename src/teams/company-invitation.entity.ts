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
import { MEMBER_ROLES, type MemberRole } from '../companies/company-member.entity';
import type { Company } from '../companies/company.entity';
import type { User } from '../users/user.entity';

/**
 * An owner's invitation of a colleague to the company, by email, with the role they will have.
 * One per company and address (inviting again replaces it: a new link, a new expiry); the SHA-256
 * of the link's secret is stored, never the secret; accepting it deletes it.
 */
@Entity('company_invitations')
@Index('company_invitations_company_email_key', ['companyId', 'email'], { unique: true })
export class CompanyInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'enum', enum: MEMBER_ROLES, enumName: 'company_member_role' })
  role: MemberRole;

  @Index('company_invitations_hash_key', { unique: true })
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'uuid', name: 'invited_by', nullable: true })
  invitedBy: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter: Relation<User> | null;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
