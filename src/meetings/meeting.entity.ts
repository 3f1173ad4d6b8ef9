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
import type { MatchmakingSession } from '../sessions/session.entity';
import {
  MEETING_ORIGINS,
  MEETING_STATUSES,
  type MeetingOrigin,
  type MeetingStatus,
} from './meeting.wire';

/**
 * A one-to-one meeting in a slot. The pair is stored in id order (`company_a` < `company_b`);
 * a pair meets at most once per session (cancelled meetings aside), and the attendance table
 * keeps each company to one meeting per slot.
 */
@Entity('meetings')
@Check('meetings_pair_order_check', '"company_a" < "company_b"')
@Index('meetings_pair_key', ['sessionId', 'companyA', 'companyB'], {
  unique: true,
  where: `"status" <> 'cancelled'`,
})
@Index('meetings_session_slot_idx', ['sessionId', 'slotIndex'])
// One meeting per table and slot: two organisers placing meetings at once cannot share a table.
@Index('meetings_table_key', ['sessionId', 'slotIndex', 'tableNumber'], {
  unique: true,
  where: `"status" <> 'cancelled' AND "table_number" IS NOT NULL`,
})
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  @Column({ type: 'integer', name: 'slot_index' })
  slotIndex: number;

  @Column({ type: 'uuid', name: 'company_a' })
  companyA: string;

  @Column({ type: 'uuid', name: 'company_b' })
  companyB: string;

  /** Table number for in-person sessions (1-based). */
  @Column({ type: 'integer', name: 'table_number', nullable: true })
  tableNumber: number | null;

  /** An unguessable video room id for video sessions. */
  @Column({ type: 'text', name: 'room_id', nullable: true })
  roomId: string | null;

  @Column({
    type: 'enum',
    enum: MEETING_STATUSES,
    enumName: 'meeting_status',
    default: 'scheduled',
  })
  status: MeetingStatus;

  @Column({ type: 'enum', enum: MEETING_ORIGINS, enumName: 'meeting_origin' })
  origin: MeetingOrigin;

  /** Fixed by an organiser: scheduling again leaves it where it is. */
  @Column({ type: 'boolean', default: false })
  fixed: boolean;

  @Column({ type: 'real', default: 0 })
  score: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
