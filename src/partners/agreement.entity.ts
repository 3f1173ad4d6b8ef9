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
import type { Sector } from '../companies/taxonomy';
import type { Partner } from './partner.entity';
import type { AgreementStatus, CooperationForm } from './partners.wire';

/**
 * A cooperation agreement (an MOU) with a partner economy. A renewal is a new agreement that
 * `renews` the old one, which keeps its dates and becomes `renewed`: the history stays.
 */
@Entity('agreements')
@Check(
  'agreements_status_check',
  `"status" IN ('planned', 'active', 'renewal-due', 'expired', 'renewed')`,
)
@Check(
  'agreements_dates_check',
  `"expires_on" IS NULL OR "signed_on" IS NULL OR "expires_on" > "signed_on"`,
)
@Index('agreements_partner_idx', ['partnerId'])
@Index('agreements_expires_on_idx', ['expiresOn'])
export class Agreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'partner_id' })
  partnerId: string;

  @ManyToOne('Partner', (partner: Partner) => partner.agreements, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner: Relation<Partner>;

  @Column({ type: 'text' })
  title: string;

  /** A calendar date; null while planned. */
  @Column({ type: 'date', name: 'signed_on', nullable: true })
  signedOn: string | null;

  /** A calendar date; null when open-ended. */
  @Column({ type: 'date', name: 'expires_on', nullable: true })
  expiresOn: string | null;

  /** The counterpart agency or ministry that signed. */
  @Column({ type: 'text', default: '' })
  counterpart: string;

  @Column({ type: 'text', array: true, name: 'priority_areas', default: () => "'{}'" })
  priorityAreas: Sector[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  forms: CooperationForm[];

  /** An http(s) link to the signed text; null when none. */
  @Column({ type: 'text', name: 'document_url', nullable: true })
  documentUrl: string | null;

  @Column({ type: 'text', default: 'planned' })
  status: AgreementStatus;

  /** The agreement this one renews; that one stays, `renewed`. */
  @Column({ type: 'uuid', name: 'renews_id', nullable: true })
  renewsId: string | null;

  @ManyToOne('Agreement', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'renews_id' })
  renews: Relation<Agreement> | null;

  /** The expiry date organisers were last reminded of, so that a reminder goes once per date. */
  @Column({ type: 'date', name: 'reminded_for', nullable: true })
  remindedFor: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
