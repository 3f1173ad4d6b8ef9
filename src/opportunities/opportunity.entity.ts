import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { PartnerType, Sector } from '../companies/taxonomy';
import type { User } from '../users/user.entity';
import type { OpportunityKind } from './opportunity.wire';

/**
 * A post on the opportunities board: a firm's offer or request for its company, or an organiser's
 * partner-government project or market information (no company). Deleting a post deletes the
 * interest expressed in it (cascade); the messages firms wrote stay in their conversations.
 */
@Entity('opportunities')
@Check('opportunities_kind_check', `"kind" IN ('offer', 'request', 'project', 'market-info')`)
// A firm's post has its company, an organiser's has none.
@Check(
  'opportunities_company_check',
  `("kind" IN ('offer', 'request')) = ("company_id" IS NOT NULL)`,
)
// Full-text search over the title and description: an expression GIN index in the migration.
@Index('opportunities_search_idx', { synchronize: false })
// The board lists the open posts newest first; the digest reads those of the last week.
@Index('opportunities_created_at_idx', ['createdAt'])
export class Opportunity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OpportunityKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: Sector[];

  /** ISO 3166-1 alpha-2 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries: string[];

  @Column({ type: 'text', array: true, name: 'partner_types', default: () => "'{}'" })
  partnerTypes: PartnerType[];

  /** Leaves the board after this instant; null: open-ended. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** The partner economy of an organiser's post (ISO 3166-1 alpha-2). */
  @Column({ type: 'char', length: 2, name: 'partner_country', nullable: true })
  partnerCountry: string | null;

  @Index('opportunities_company_idx')
  @Column({ type: 'uuid', name: 'company_id', nullable: true })
  companyId: string | null;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company> | null;

  @Column({ type: 'uuid', name: 'posted_by', nullable: true })
  postedById: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'posted_by' })
  postedBy: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
