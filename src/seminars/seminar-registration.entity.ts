import {
  Check,
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
import type { User } from '../users/user.entity';
import type { Seminar } from './seminar.entity';
import type { RegistrationStatus } from './seminars.wire';

/**
 * One person's seat at a seminar, for their company: each registration has its own check-in code
 * (shown as a QR code) and is checked in once at the door.
 */
@Entity('seminar_registrations')
@Check(
  'seminar_registrations_status_check',
  `"status" IN ('registered', 'waitlisted', 'withdrawn')`,
)
@Unique('seminar_registrations_user_key', ['seminarId', 'userId'])
@Index('seminar_registrations_status_idx', ['seminarId', 'status'])
@Index('seminar_registrations_company_idx', ['companyId'])
export class SeminarRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'seminar_id' })
  seminarId: string;

  @ManyToOne('Seminar', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seminar_id' })
  seminar: Relation<Seminar>;

  @Column({ type: 'uuid', name: 'company_id' })
  companyId: string;

  @ManyToOne('Company', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;

  /** The person who holds the seat. */
  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ type: 'text', default: 'registered' })
  status: RegistrationStatus;

  /** Since when it waits for a seat; the longest-waiting is promoted first. */
  @Column({ type: 'timestamptz', name: 'waitlisted_at', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'checked_in_at', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'uuid', name: 'checked_in_by', nullable: true })
  checkedInBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
