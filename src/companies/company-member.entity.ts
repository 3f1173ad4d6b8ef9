import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { User } from '../users/user.entity';
import type { Company } from './company.entity';

export const MEMBER_ROLES = ['owner', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A user who speaks for a company; the user who registers it is its owner. */
@Entity('company_members')
@Index('company_members_user_idx', ['userId'])
export class CompanyMember {
  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'enum', enum: MEMBER_ROLES, enumName: 'company_member_role', default: 'owner' })
  role: MemberRole;

  @ManyToOne('Company', (company: Company) => company.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @ManyToOne('User', (user: User) => user.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** SQL for "the ids of the companies user :userId speaks for", to use inside IN (...). */
export const COMPANIES_OF_USER_SQL =
  'SELECT m.company_id FROM company_members m WHERE m.user_id = :userId';
