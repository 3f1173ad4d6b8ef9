import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { User } from '../users/user.entity';
import type { Conversation } from './conversation.entity';

/** One message of a conversation, written by a user for one of its two companies. */
@Entity('messages')
// History newest first and its cursor `(sent_at, id) < (…)`, per conversation.
@Index('messages_history_idx', ['conversationId', 'sentAt', 'id'])
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId: string;

  @ManyToOne('Conversation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation: Relation<Conversation>;

  /** The company the message speaks for. */
  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @Column({ type: 'uuid', name: 'sender_id', nullable: true })
  senderId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sender_id' })
  sender: Relation<User> | null;

  @Column({ type: 'text' })
  text: string;

  /** clock_timestamp(), not now(): two messages of one transaction would otherwise tie. */
  @Column({ type: 'timestamptz', name: 'sent_at', default: () => 'clock_timestamp()' })
  sentAt: Date;
}
