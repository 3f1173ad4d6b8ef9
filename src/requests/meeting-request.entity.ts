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
import type { MatchmakingSession } from '../sessions/session.entity';

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One firm asks another for a meeting in a session. */
@Entity('meeting_requests')
@Check('meeting_requests_not_self_check', '"from_company_id" <> "to_company_id"')
@Check(
  'meeting_requests_window_check',
  '("window_from" IS NULL AND "window_to" IS NULL) OR ("window_from" IS NOT NULL AND "window_to" IS NOT NULL AND "window_from" < "window_to")',
)
// One live request per direction and pair; the database itself refuses a duplicate.
@Index('meeting_requests_active_key', ['sessionId', 'fromCompanyId', 'toCompanyId'], {
  unique: true,
  where: `"status" IN ('pending', 'accepted')`,
})
@Index('meeting_requests_to_idx', ['sessionId', 'toCompanyId'])
// With the one above, a firm's requests sent and received in a session, every status (a BitmapOr).
@Index('meeting_requests_from_idx', ['sessionId', 'fromCompanyId'])
export class MeetingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  @Column({ type: 'uuid', name: 'from_company_id' })
  fromCompanyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_company_id' })
  fromCompany: Relation<Company>;

  @Column({ type: 'uuid', name: 'to_company_id' })
  toCompanyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_company_id' })
  toCompany: Relation<Company>;

  @Column({ type: 'text', default: '' })
  message: string;

  /** Why the receiver declined, if it said ('' otherwise); only the two firms see it. */
  @Column({ type: 'text', name: 'decline_reason', default: '' })
  declineReason: string;

  /**
   * When the meeting may take place ("mornings only"), both ends or neither (any time): set by
   * either firm, honoured by scheduling (only the session's slots wholly inside it).
   */
  @Column({ type: 'timestamptz', name: 'window_from', nullable: true })
  windowFrom: Date | null;

  @Column({ type: 'timestamptz', name: 'window_to', nullable: true })
  windowTo: Date | null;

  @Column({ type: 'enum', enum: REQUEST_STATUSES, enumName: 'request_status', default: 'pending' })
  status: RequestStatus;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
