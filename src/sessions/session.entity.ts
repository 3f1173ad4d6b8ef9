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
import type { Delegation } from '../delegations/delegation.entity';
import type { Agreement } from '../partners/agreement.entity';
import type { Partner } from '../partners/partner.entity';
import type { ScoringWeights } from '../matching/scoring/scoring-types';
import { SESSION_STATUSES, type SessionStatus } from './session-lifecycle.wire';
import { SESSION_MODES, type SessionMode } from './session.wire';

/** A matchmaking session: one-to-one meetings in slots, in person or by video. */
@Entity('sessions')
@Check('sessions_window_check', '"ends_at" > "starts_at"')
export class MatchmakingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: SESSION_MODES, enumName: 'session_mode' })
  mode: SessionMode;

  /** The organiser's IANA zone, for display. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'integer', name: 'slot_minutes' })
  slotMinutes: number;

  @Column({ type: 'integer', name: 'break_minutes', default: 0 })
  breakMinutes: number;

  @Column({ type: 'integer', name: 'max_meetings_per_company' })
  maxMeetingsPerCompany: number;

  @Column({ type: 'boolean', name: 'cross_border_only', default: false })
  crossBorderOnly: boolean;

  /** Two lists of country codes; every meeting pairs one firm from each. */
  @Column({ type: 'jsonb', nullable: true })
  sides: [string[], string[]] | null;

  /** Meetings at once, for in-person sessions. */
  @Column({ type: 'integer', nullable: true })
  tables: number | null;

  @Column({ type: 'timestamptz', name: 'request_deadline' })
  requestDeadline: Date;

  @Column({ type: 'uuid', name: 'delegation_id', nullable: true })
  delegationId: string | null;

  @ManyToOne('Delegation', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'delegation_id' })
  delegation: Relation<Delegation> | null;

  /** The partner economy this activity is held under (programme report); null when none. */
  @Column({ type: 'uuid', name: 'partner_id', nullable: true })
  partnerId: string | null;

  @ManyToOne('Partner', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_id' })
  partner: Relation<Partner> | null;

  /** The agreement it is held under; null when none. */
  @Column({ type: 'uuid', name: 'agreement_id', nullable: true })
  agreementId: string | null;

  @ManyToOne('Agreement', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agreement_id' })
  agreement: Relation<Agreement> | null;

  /** Months after closing at which its firms are asked what came of their meetings. */
  @Column({ type: 'smallint', array: true, name: 'follow_up_months', default: () => "'{3,6}'" })
  followUpMonths: number[];

  @Index('sessions_status_idx')
  @Column({ type: 'enum', enum: SESSION_STATUSES, enumName: 'session_status', default: 'open' })
  status: SessionStatus;

  /**
   * The status before the last move and when that move was made: an organiser may take a move
   * to `live` or `closed` back within a grace period (see `undoRefusal`).
   */
  @Column({
    type: 'enum',
    enum: SESSION_STATUSES,
    enumName: 'session_status',
    name: 'previous_status',
    nullable: true,
  })
  previousStatus: SessionStatus | null;

  @Column({ type: 'timestamptz', name: 'status_changed_at', nullable: true })
  statusChangedAt: Date | null;

  /** Scoring weights of this session (the defaults unless the organiser set others). */
  @Column({ type: 'jsonb' })
  weights: ScoringWeights;

  /** The generation of match scores that reads use; a full rescore writes the next one. */
  @Column({ type: 'integer', name: 'score_generation', default: 0 })
  scoreGeneration: number;

  /** The last generation number handed out to a full rescore. */
  @Column({ type: 'integer', name: 'generation_counter', default: 0 })
  generationCounter: number;

  /**
   * The scheduling run asked for and not yet done; queued again from here if Redis loses it.
   */
  @Column({ type: 'text', name: 'schedule_job_id', nullable: true })
  scheduleJobId: string | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
