import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { Meeting } from './meeting.entity';
import { OUTCOMES, type Outcome } from './meeting.wire';

/** Each side of a meeting leaves feedback once. */
@Entity('meeting_feedback')
@Check('meeting_feedback_rating_check', '"rating" BETWEEN 1 AND 5')
export class MeetingFeedback {
  @PrimaryColumn({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<Meeting>;

  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'enum', enum: OUTCOMES, enumName: 'meeting_outcome' })
  outcome: Outcome;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ type: 'uuid', name: 'given_by', nullable: true })
  givenBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
