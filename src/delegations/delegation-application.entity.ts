import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { Delegation } from './delegation.entity';
import { APPLICATION_STATUSES, type ApplicationStatus } from './delegation.wire';

/** A company's application to join a delegation; a company applies once. */
@Entity('delegation_applications')
@Unique('delegation_applications_company_key', ['delegationId', 'companyId'])
@Index('delegation_applications_status_idx', ['delegationId', 'status'])
export class DelegationApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'delegation_id' })
  delegationId: string;

  @ManyToOne('Delegation', (delegation: Delegation) => delegation.applications, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'delegation_id' })
  delegation: Relation<Delegation>;

  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  @Column({
    type: 'enum',
    enum: APPLICATION_STATUSES,
    enumName: 'application_status',
    default: 'pending',
  })
  status: ApplicationStatus;

  @Column({ type: 'uuid', name: 'applied_by', nullable: true })
  appliedBy: string | null;

  /** Who decided last; null when the system promoted it from the waitlist. */
  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** Since when it waits for a seat; the longest-waiting is promoted first. */
  @Column({ type: 'timestamptz', name: 'waitlisted_at', nullable: true })
  waitlistedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
