import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { CompanyMember } from './company-member.entity';
import { COMPANY_STATUSES, type CompanyStatus } from './company.wire';
import { EMPLOYEE_BANDS, type EmployeeBand, type PartnerType, type Sector } from './taxonomy';

@Entity('companies')
// Expression and GIN indexes are written in the migrations; TypeORM only keeps their names.
@Index('companies_name_country_key', { synchronize: false })
@Index('companies_search_document_idx', { synchronize: false })
// The directory's order: a page, and a page after a cursor, is a range scan of it.
@Index('companies_name_id_idx', ['name', 'id'])
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Index('companies_country_idx')
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: Sector[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  offers: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  seeks: string[];

  @Column({ type: 'text', array: true, name: 'partner_types', default: () => "'{}'" })
  partnerTypes: PartnerType[];

  @Column({ type: 'text', array: true, name: 'target_markets', default: () => "'{}'" })
  targetMarkets: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /** IANA time zone name. */
  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'enum', enum: EMPLOYEE_BANDS, enumName: 'employee_band' })
  employees: EmployeeBand;

  @Index('companies_status_idx')
  @Column({ type: 'enum', enum: COMPANY_STATUSES, enumName: 'company_status', default: 'pending' })
  status: CompanyStatus;

  @Column({ type: 'timestamptz', name: 'status_changed_at', nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'uuid', name: 'status_changed_by', nullable: true })
  statusChangedBy: string | null;

  /** Why an organiser rejected the company (shown to its users); null unless rejected. */
  @Column({ type: 'text', name: 'status_reason', nullable: true })
  statusReason: string | null;

  /** Weighted full-text document, refreshed by the worker after each change; never sent out. */
  @Column({ type: 'tsvector', name: 'search_document', nullable: true, select: false })
  searchDocument: string | null;

  /** The `version` the search document was built from; behind `version` while a refresh is due. */
  @Column({ type: 'integer', name: 'indexed_version', default: 0 })
  indexedVersion: number;

  @OneToMany('CompanyMember', (member: CompanyMember) => member.company)
  members: Relation<CompanyMember>[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
