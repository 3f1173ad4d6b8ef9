import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlacementGaps } from './schedule-gaps';

export interface UnplacedRequest {
  requestIds: string[];
  companyIds: [string, string];
  kind: 'mutual' | 'accepted' | 'pending';
  reason: 'no-common-slot' | 'max-meetings' | 'tables-full' | 'slots-taken';
}

export interface PlacementReport {
  /** Requested pairs per kind and how many of them were placed. */
  requested: { mutual: number; accepted: number; pending: number };
  placed: { mutual: number; accepted: number; pending: number; score: number };
  /** Placed requested pairs over requested pairs (0–1). */
  placedShare: number;
  unplaced: UnplacedRequest[];
  meetings: number;
  /**
   * The breaks of each firm's day (`placementGaps`). Stored as planned; the schedule and the
   * draft answer them again from the meetings they show, so that they follow changes by hand.
   */
  gaps: PlacementGaps;
  solverMs: number;
}

/** The placement report of a session's last published schedule. */
@Entity('schedule_reports')
export class ScheduleReport {
  @PrimaryColumn({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @Column({ type: 'jsonb' })
  report: PlacementReport;

  @UpdateDateColumn({ type: 'timestamptz', name: 'published_at' })
  publishedAt: Date;
}
