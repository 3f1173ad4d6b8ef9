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
import type { Conversation } from '../conversations/conversation.entity';
import type { User } from '../users/user.entity';
import type { Opportunity } from './opportunity.entity';

/**
 * A company's interest in a post, once per company and post (`opportunity_interests_key`): for a
 * firm's post, the message it wrote into the two firms' conversation; for an organiser's post,
 * its registration. Goes with the post (cascade).
 */
@Entity('opportunity_interests')
@Index('opportunity_interests_key', ['opportunityId', 'companyId'], { unique: true })
export class OpportunityInterest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'opportunity_id' })
  opportunityId: string;

  @ManyToOne('Opportunity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id' })
  opportunity: Relation<Opportunity>;

  @Index('opportunity_interests_company_idx')
  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @Column({ type: 'uuid', name: 'user_id', nullable: true })
  userId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User> | null;

  @Column({ type: 'text' })
  message: string;

  /** The conversation the message went to (a firm's post); null for a registration. */
  @Column({ type: 'uuid', name: 'conversation_id', nullable: true })
  conversationId: string | null;

  @ManyToOne('Conversation', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conversation_id' })
  conversation: Relation<Conversation> | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
