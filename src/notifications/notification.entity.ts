import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import type { NotificationKind } from './notification.wire';
import type { NoticeParams } from './render/notice-params';

/**
 * One notification in a user's notification centre. Its words are not stored: the kind and its
 * parameters are, and `GET /api/notifications` renders them in the reader's language and time
 * zone of the moment (a user who switches to Traditional Chinese reads the old ones in it too).
 */
@Entity('notifications')
// Read backwards, newest first; the id breaks ties for the cursor (`after`).
@Index('notifications_user_created_id_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_unread_idx', ['userId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'jsonb' })
  params: NoticeParams;

  /** A path in the web app. */
  @Column({ type: 'text' })
  link: string;

  /** When it shows: now, or the `notBefore` of a notice due later (a reminder). */
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}
