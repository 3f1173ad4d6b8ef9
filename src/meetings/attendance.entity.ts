import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Meeting } from './meeting.entity';

/**
 * One row per company and slot it has a meeting in: the primary key makes the database itself
 * refuse a company in two meetings of one slot. Cancelling a meeting deletes its two rows.
 */
@Entity('meeting_attendance')
export class Attendance {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @PrimaryColumn({ type: 'integer', name: 'slot_index' })
  slotIndex: number;

  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<Meeting>;
}
