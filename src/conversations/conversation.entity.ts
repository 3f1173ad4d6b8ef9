import {
  Check,
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

/**
 * The one conversation of a pair of companies, whichever wrote first: the pair is stored in order
 * (`company_a` < `company_b`) and unique, so two firms writing to each other at the same instant
 * still share one conversation (the loser of the race finds the winner's row).
 */
@Entity('conversations')
@Check('conversations_pair_order_check', '"company_a" < "company_b"')
@Index('conversations_pair_key', ['companyA', 'companyB'], { unique: true })
@Index('conversations_company_b_idx', ['companyB'])
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'company_a' })
  companyA: string;

  @Column({ type: 'uuid', name: 'company_b' })
  companyB: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_a' })
  firstCompany: Relation<Company>;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_b' })
  secondCompany: Relation<Company>;

  /** The newest message each company has read (read receipts), and when that message was sent. */
  @Column({ type: 'uuid', name: 'a_read_up_to', nullable: true })
  aReadUpTo: string | null;

  @Column({ type: 'timestamptz', name: 'a_read_at', nullable: true })
  aReadAt: Date | null;

  @Column({ type: 'uuid', name: 'b_read_up_to', nullable: true })
  bReadUpTo: string | null;

  @Column({ type: 'timestamptz', name: 'b_read_at', nullable: true })
  bReadAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
