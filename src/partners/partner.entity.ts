import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Sector } from '../companies/taxonomy';
import type { Agreement } from './agreement.entity';

/** A partner economy of the programme (one per country), with its agencies and priority areas. */
@Entity('partners')
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** ISO 3166-1 alpha-2; one partner economy per country. */
  @Column({ type: 'char', length: 2, unique: true })
  country: string;

  @Column({ type: 'text' })
  name: string;

  /** The counterpart agencies, by name. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  agencies: string[];

  /** Taxonomy sector codes. */
  @Column({ type: 'text', array: true, name: 'priority_areas', default: () => "'{}'" })
  priorityAreas: Sector[];

  @Column({ type: 'text', default: '' })
  notes: string;

  @OneToMany('Agreement', (agreement: Agreement) => agreement.partner)
  agreements: Relation<Agreement>[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
