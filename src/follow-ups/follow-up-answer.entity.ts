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
import type { Meeting } from '../meetings/meeting.entity';
import { OUTCOMES, type Outcome } from '../meetings/meeting.wire';
import type { FollowUpSurvey } from './follow-up-survey.entity';
import type { ValueBand } from './follow-ups.wire';

/**
 * What one firm said came of one meeting, on one date. Answers are never overwritten: the newest
 * per meeting and firm is the current outcome, the older ones are its history.
 */
@Entity('follow_up_answers')
@Index('follow_up_answers_meeting_idx', ['meetingId', 'companyId', 'answeredAt'])
@Index('follow_up_answers_survey_idx', ['surveyId'])
export class FollowUpAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'survey_id' })
  surveyId: string;

  @ManyToOne('FollowUpSurvey', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey: Relation<FollowUpSurvey>;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<Meeting>;

  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @Column({ type: 'enum', enum: OUTCOMES, enumName: 'meeting_outcome' })
  outcome: Outcome;

  @Column({ type: 'text', name: 'value_band', nullable: true })
  valueBand: ValueBand | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'answered_at' })
  answeredAt: Date;
}
