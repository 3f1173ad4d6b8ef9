import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import type { NotificationKind } from './notification.wire';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'withdrawn'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One email to send, written in the transaction of the change it tells of and rendered then (in
 * the recipient's language and time zone of that moment), so that the worker only sends it. The
 * row is the truth about the email: a BullMQ job (job id = this id) is only the prompt to send it
 * now; the worker's sweeper sends rows whose prompt was lost. `sending_until` is the lease of the
 * worker sending it: while it is in the future nobody else may.
 */
@Entity('notification_outbox')
@Check('notification_outbox_status_check', `"status" IN ('pending', 'sent', 'failed', 'withdrawn')`)
@Index('notification_outbox_due_idx', ['notBefore'], { where: `"status" = 'pending'` })
@Index('notification_outbox_key', ['key'], { unique: true })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * The account it is for; null for an email to an address with no account (a team invitation
   * to someone new to TradeMatch).
   */
  @Column({ type: 'uuid', name: 'user_id', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text', name: 'to_address' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', name: 'text_body' })
  textBody: string;

  @Column({ type: 'text', name: 'html_body' })
  htmlBody: string;

  /** The `.ics` attachment, if any. */
  @Column({ type: 'jsonb', nullable: true })
  ics: { filename: string; content: string } | null;

  /** The one-click unsubscribe address (RFC 8058) of a kind that may be turned off. */
  @Column({ type: 'text', name: 'unsubscribe_url', nullable: true })
  unsubscribeUrl: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Not sent before this instant: now, a reminder's time, or the next retry after a failure. */
  @Column({ type: 'timestamptz', name: 'not_before', default: () => 'now()' })
  notBefore: Date;

  /** The lease of the worker sending it (null: nobody is). */
  @Column({ type: 'timestamptz', name: 'sending_until', nullable: true })
  sendingUntil: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  /** Optional: one row per key (a reminder's `meeting.<id>.<user>.<minutes>`), to withdraw it by. */
  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
