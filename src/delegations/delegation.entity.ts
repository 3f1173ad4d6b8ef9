import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Agreement } from '../partners/agreement.entity';
import type { Partner } from '../partners/partner.entity';
import type { DelegationApplication } from './delegation-application.entity';
import { DIRECTIONS, type Direction } from './delegation.wire';
import type { ItineraryItem } from './itinerary-item.entity';

/** A trade delegation: a group of firms visiting another economy for a few days. */
@Entity('delegations')
@Check('delegations_dates_check', '"ends_on" >= "starts_on"')
@Check('delegations_capacity_check', '"capacity" > 0')
export class Delegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'enum', enum: DIRECTIONS, enumName: 'delegation_direction' })
  direction: Direction;

  @Index('delegations_origin_idx')
  @Column({ type: 'char', length: 2, name: 'origin_country' })
  originCountry: string;

  @Index('delegations_destination_idx')
  @Column({ type: 'char', length: 2, name: 'destination_country' })
  destinationCountry: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  leader: string;

  /** Calendar dates (YYYY-MM-DD) in the delegation's time zone. */
  @Column({ type: 'date', name: 'starts_on' })
  startsOn: string;

  @Column({ type: 'date', name: 'ends_on' })
  endsOn: string;

  /** IANA zone where the delegation takes place. */
  @Column({ type: 'text' })
  timezone: string;

  /** How many member companies may be accepted. */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @OneToMany('ItineraryItem', (item: ItineraryItem) => item.delegation)
  itinerary: Relation<ItineraryItem>[];

  @OneToMany(
    'DelegationApplication',
    (application: DelegationApplication) => application.delegation,
  )
  applications: Relation<DelegationApplication>[];

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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
