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
import type { Agreement } from '../partners/agreement.entity';
import type { Partner } from '../partners/partner.entity';
import type { SeminarKind } from './seminars.wire';

/** A seminar, workshop or forum: in a place, by video or both, with a capacity and a waitlist. */
@Entity('seminars')
@Check('seminars_kind_check', `"kind" IN ('seminar', 'workshop', 'forum')`)
@Check('seminars_window_check', '"ends_at" > "starts_at"')
@Check('seminars_capacity_check', '"capacity" > 0')
@Index('seminars_starts_at_idx', ['startsAt'])
@Index('seminars_partner_idx', ['partnerId'])
export class Seminar {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: SeminarKind;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  /** The organiser's IANA zone, for display. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'text', name: 'video_url', nullable: true })
  videoUrl: string | null;

  /** Seats; registrations beyond it wait. */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'uuid', name: 'partner_id', nullable: true })
  partnerId: string | null;

  @ManyToOne('Partner', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_id' })
  partner: Relation<Partner> | null;

  @Column({ type: 'uuid', name: 'agreement_id', nullable: true })
  agreementId: string | null;

  @ManyToOne('Agreement', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agreement_id' })
  agreement: Relation<Agreement> | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
