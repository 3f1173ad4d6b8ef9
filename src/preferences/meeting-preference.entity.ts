import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { MatchmakingSession } from '../sessions/session.entity';
import type { MeetingPreference } from './preference.wire';

/**
 * One firm's wish about meeting another participant of a session. Private to the firm: the other
 * firm never sees it; the scheduler reads it (never proposes a pair either side marked
 * `not-interested` unless they asked each other, and places `must-meet` pairs before other fillers).
 */
@Entity('meeting_preferences')
@Check('meeting_preferences_not_self_check', '"company_id" <> "other_company_id"')
@Check(
  'meeting_preferences_preference_check',
  `"preference" IN ('must-meet', 'interested', 'not-interested')`,
)
// The primary key (session, company, other company) is the one-per-pair rule and serves the
// matches read; scheduling reads a whole session by its first column.
export class MeetingPreferenceRow {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @PrimaryColumn({ type: 'uuid', name: 'other_company_id' })
  otherCompanyId: string;

  @ManyToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_company_id' })
  otherCompany: Relation<Company>;

  @Column({ type: 'text' })
  preference: MeetingPreference;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
