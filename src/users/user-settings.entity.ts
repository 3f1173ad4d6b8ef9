import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Delivery, Language, NotificationKind } from '../notifications/notification.wire';
import { User } from './user.entity';

/**
 * What a user chose: language, time zone, reminder times, and per kind how to be told. A user
 * without a row has the defaults (`en`, UTC, 1440 and 15 minutes, each kind's default delivery);
 * `notifications` holds only the kinds the user changed.
 */
@Entity('user_settings')
export class UserSettings {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text', default: 'en' })
  language: Language;

  @Column({ type: 'text', default: 'UTC' })
  timezone: string;

  @Column({ type: 'int', array: true, default: () => "'{1440,15}'" })
  reminders: number[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  notifications: Partial<Record<NotificationKind, Delivery>>;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
