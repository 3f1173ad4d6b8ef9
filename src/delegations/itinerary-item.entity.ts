import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Delegation } from './delegation.entity';
import { ITINERARY_KINDS, type ItineraryKind } from './delegation.wire';

/** One event of a delegation's programme, between two instants. */
@Entity('itinerary_items')
@Index('itinerary_items_delegation_idx', ['delegationId', 'startsAt'])
@Check('itinerary_items_order_check', '"ends_at" > "starts_at"')
export class ItineraryItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'delegation_id' })
  delegationId: string;

  @ManyToOne('Delegation', (delegation: Delegation) => delegation.itinerary, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'delegation_id' })
  delegation: Relation<Delegation>;

  @Column({ type: 'enum', enum: ITINERARY_KINDS, enumName: 'itinerary_kind' })
  kind: ItineraryKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  location: string;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
