import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { MatchmakingSession } from '../sessions/session.entity';

/**
 * One firm asked, some months after a session closed, what came of its meetings there. The worker
 * emails the signed link once `dueAt` has passed and records `sentAt`.
 */
@Entity('follow_up_surveys')
@Unique('follow_up_surveys_key', ['sessionId', 'companyId', 'months'])
@Index('follow_up_surveys_due_idx', ['dueAt'], { where: '"sent_at" IS NULL' })
export class FollowUpSurvey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  /** Months after the session closed. */
  @Column({ type: 'smallint' })
  months: number;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt: Date;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
