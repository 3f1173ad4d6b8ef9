import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { MatchmakingSession } from './session.entity';

/** A window of availability, as ISO 8601 instants in UTC. */
export interface AvailabilityWindow {
  from: string;
  to: string;
}

/** A company taking part in a session. */
@Entity('session_participants')
@Index('session_participants_company_idx', ['companyId'])
export class Participant {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  /** Sorted, merged windows inside the session; empty means the whole session. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  availability: AvailabilityWindow[];

  @Column({ type: 'uuid', name: 'joined_by', nullable: true })
  joinedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
