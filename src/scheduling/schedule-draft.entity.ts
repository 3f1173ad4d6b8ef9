import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { MeetingOrigin } from '../meetings/meeting.wire';
import type { MatchmakingSession } from '../sessions/session.entity';
import type { PlacementReport } from './schedule-report.entity';

/** A meeting a draft would add: the pair in id order, its slot and table (in-person). */
export interface DraftMeeting {
  slotIndex: number;
  companyA: string;
  companyB: string;
  table: number | null;
  origin: MeetingOrigin;
  score: number;
}

/**
 * A schedule planned and not published: at most one per session, replaced by the next draft run.
 * It holds the meetings the run would add (the meetings that stay are the published ones, read
 * when it is shown or published), its placement report, and the fingerprint of the inputs it was
 * planned from (`fingerprintInputs`): publishing it is refused once they changed.
 */
@Entity('schedule_drafts')
export class ScheduleDraft {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @OneToOne('MatchmakingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session: Relation<MatchmakingSession>;

  /** The draft's own id: a new one for each draft, so that a publish names the one reviewed. */
  @Index('schedule_drafts_id_key', { unique: true })
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id: string;

  @Column({ type: 'jsonb' })
  meetings: DraftMeeting[];

  @Column({ type: 'jsonb' })
  report: PlacementReport;

  @Column({ type: 'text' })
  fingerprint: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
