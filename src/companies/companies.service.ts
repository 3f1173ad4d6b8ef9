import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { LiveEmitter } from '../live/live-emitter';
import { ScoringQueue } from '../matching/scoring-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';
import { CompanyMember } from './company-member.entity';
import { Company } from './company.entity';
import {
  cutPage,
  decodeCursor,
  encodeCursor,
  type KeysetPage,
  type PageStart,
} from '../common/keyset';
import { listTotal, runSql } from '../common/list-total';
import {
  directoryFromWhere,
  directoryPageSql,
  type DirectoryFilter,
  type DirectoryKey,
} from './directory-sql';
import { toCompanyView, type CompanyView, type MembershipView } from './company.view';
import type { CreateCompanyDto, ListCompaniesQuery, UpdateCompanyDto } from './dto/company.dto';
import { CompanyRefreshQueue } from './jobs/company-refresh.queue';
import { toPrefixTsQuery } from './tags';
import type { CompanyStatus } from './company.wire';

export type { MembershipView } from './company.view';

const NAME_COUNTRY_KEY = 'companies_name_country_key';

/** The directory's cursors: by name, and by rank when searching. */
const DIRECTORY_CURSOR = 'directory';
const DIRECTORY_SEARCH_CURSOR = 'directory-search';

function duplicateCompany(): AppError {
  return AppError.conflict(
    'company.duplicate',
    'A company with this name is already registered in this country',
  );
}

/** Registration, the directory, profile edits and verification of companies. */
@Injectable()
export class CompaniesService {
  private readonly logger = new Logger(CompaniesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Company) private readonly companies: Repository<Company>,
    @InjectRepository(CompanyMember) private readonly members: Repository<CompanyMember>,
    private readonly refreshQueue: CompanyRefreshQueue,
    private readonly live: LiveEmitter,
    private readonly scoring: ScoringQueue,
    private readonly notifications: NotificationsService,
  ) {}

  /** Registers a company owned by `ownerId` inside `manager`'s transaction. */
  async insertCompany(
    manager: EntityManager,
    input: CreateCompanyDto,
    ownerId: string | null,
    status: CompanyStatus = 'pending',
  ): Promise<Company> {
    try {
      const company = await manager.save(
        manager.create(Company, { ...input, website: input.website ?? null, status }),
      );
      if (ownerId) {
        await manager.insert(CompanyMember, {
          companyId: company.id,
          userId: ownerId,
          role: 'owner',
        });
      }
      return company;
    } catch (error) {
      if (isUniqueViolation(error, NAME_COUNTRY_KEY)) throw duplicateCompany();
      throw error;
    }
  }

  async create(user: AuthUser, input: CreateCompanyDto): Promise<CompanyView> {
    const company = await this.dataSource.transaction((manager) =>
      this.insertCompany(manager, input, user.id),
    );
    await this.refreshQueue.enqueue([{ companyId: company.id, version: company.version }]);
    this.live.joinCompany(user.id, company.id);
    const view = toCompanyView(company, true);
    // The organisers' lists of companies waiting for a decision show it at once.
    this.live.companyRegistered(view);
    return view;
  }

  /**
   * The directory. Organisers see every company; members see verified companies and their own.
   * `q` matches names, tags, sectors, places and descriptions by word prefix, best match first.
   * Read by `page` or, where people scroll, by `after` (see directory-sql.ts); the total is exact
   * up to 1,000 firms and an estimate past that (`totalIsEstimate`).
   */
  async list(user: AuthUser, query: ListCompaniesQuery): Promise<KeysetPage<CompanyView>> {
    const pageOf = { page: query.page, pageSize: query.pageSize };
    const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
    if (query.q && !tsQuery) {
      return { items: [], total: 0, totalIsEstimate: false, nextCursor: null, ...pageOf };
    }
    const organiser = isOrganiser(user);
    const filter: DirectoryFilter = {
      organiser,
      userId: user.id,
      country: query.country,
      sector: query.sector,
      status: query.status,
      partnerType: query.partnerType,
      targetMarket: query.targetMarket,
      tsQuery,
    };
    const list = tsQuery ? DIRECTORY_SEARCH_CURSOR : DIRECTORY_CURSOR;
    const start: PageStart<DirectoryKey> = query.after
      ? {
          after: tsQuery
            ? decodeCursor(query.after, list, ['number', 'text', 'uuid'])
            : decodeCursor(query.after, list, ['text', 'uuid']),
        }
      : { offset: (query.page - 1) * query.pageSize };
    const page = directoryPageSql(filter, start, query.pageSize + 1);
    const counted = directoryFromWhere(filter);
    const run = runSql(this.dataSource);
    const [rows, total] = await Promise.all([
      run<Company & { rank?: number }>(page.sql, page.params),
      listTotal(run, counted.sql, counted.params),
    ]);
    const cut = cutPage(rows, query.pageSize, (row) =>
      encodeCursor(
        list,
        row.rank === undefined ? [row.name, row.id] : [row.rank, row.name, row.id],
      ),
    );
    return {
      // A member lists verified companies (which carry no reason) and their own: each company
      // that is not verified is the reader's, whose users may read why it was rejected.
      items: cut.rows.map((row) => toCompanyView(row, organiser || row.status !== 'verified')),
      ...total,
      nextCursor: cut.nextCursor,
      ...pageOf,
    };
  }

  /** Members read their own companies and verified ones; organisers read all. */
  async get(user: AuthUser, id: string): Promise<CompanyView> {
    const company = await this.find(id);
    const insider = await this.canManage(user, id);
    if (company.status !== 'verified' && !insider) {
      throw AppError.forbidden('company.not_yours', 'This company is not yours to see');
    }
    return toCompanyView(company, insider);
  }

  /** Owners and organisers edit a profile; each edit queues a refresh (and, later, rescoring). */
  async update(user: AuthUser, id: string, changes: UpdateCompanyDto): Promise<CompanyView> {
    const company = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Company, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw AppError.notFound('company', id);
      if (!(await this.canManage(user, id, manager))) {
        throw AppError.forbidden(
          'company.not_yours',
          "Only the company's users or an organiser may edit this company",
        );
      }
      try {
        return await manager.save(Object.assign(current, changes));
      } catch (error) {
        if (isUniqueViolation(error, NAME_COUNTRY_KEY)) throw duplicateCompany();
        throw error;
      }
    });
    await this.refreshQueue.enqueue([{ companyId: company.id, version: company.version }]);
    await this.scoring.companyChanged({ companyId: company.id, version: company.version });
    const view = toCompanyView(company, true);
    this.live.companyUpdated(view);
    return view;
  }

  /** An organiser's decision; the company's users are told of a change, with the reason. */
  async verify(
    user: AuthUser,
    id: string,
    status: 'verified' | 'rejected',
    reason = '',
  ): Promise<CompanyView> {
    const company = await this.find(id);
    const changed = company.status !== status;
    company.status = status;
    company.statusChangedAt = new Date();
    company.statusChangedBy = user.id;
    // Kept for the firm to read on its page; a later verification clears it.
    company.statusReason = status === 'rejected' && reason ? reason : null;
    const saved = await this.dataSource.transaction(async (manager) => {
      // Only verified companies are scheduled: ordered with the publishing of a scheduling run
      // in each of its sessions (see SessionsService.lockShared), in one order of sessions.
      await manager.query(
        `SELECT s.id FROM sessions s JOIN session_participants p ON p.session_id = s.id
          WHERE p.company_id = $1 ORDER BY s.id FOR SHARE OF s`,
        [id],
      );
      const saved = await manager.save(company);
      if (changed) {
        await this.notifications.notify(manager, {
          kind: 'company.verification',
          recipients: await usersOfCompanies(manager, [id]),
          params: {
            company: saved.name,
            status,
            hasReason: status === 'rejected' && reason ? 'yes' : 'no',
            reason: status === 'rejected' ? reason : '',
          },
          link: '/company',
        });
      }
      return saved;
    });
    await this.refreshQueue.enqueue([{ companyId: saved.id, version: saved.version }]);
    // Only verified companies are scored: a decision adds the company to rankings or drops it.
    await this.scoring.companyChanged({ companyId: saved.id, version: saved.version });
    const view = toCompanyView(saved, true);
    this.live.companyUpdated(view);
    if (changed && status === 'verified') await this.tellVerified(saved.id);
    return view;
  }

  private readonly verifiedListeners: ((companyId: string) => Promise<void>)[] = [];

  /**
   * Calls `listener` after a company's verification committed (sessions its users were invited
   * to take it then): a hook rather than an import, as the sessions import companies.
   */
  onVerified(listener: (companyId: string) => Promise<void>): void {
    this.verifiedListeners.push(listener);
  }

  private async tellVerified(companyId: string): Promise<void> {
    for (const listener of this.verifiedListeners) {
      try {
        await listener(companyId);
      } catch (error) {
        this.logger.warn({ err: error, companyId }, 'a follow-up of a verification failed');
      }
    }
  }

  listMemberships(userId: string): Promise<MembershipView[]> {
    return this.members
      .createQueryBuilder('member')
      .innerJoin('member.company', 'company')
      .select([
        'company.id AS "companyId"',
        'company.name AS "name"',
        'company.country AS "country"',
        'company.status AS "status"',
        'member.role AS "role"',
      ])
      .where('member.userId = :userId', { userId })
      .orderBy('company.name')
      .getRawMany<MembershipView>();
  }

  /** True for organisers and for users who speak for the company. */
  async canManage(user: AuthUser, companyId: string, manager?: EntityManager): Promise<boolean> {
    return isOrganiser(user) || this.speaksFor(user.id, companyId, manager);
  }

  /** True when the user is one of the company's own users (its owner or a member). */
  speaksFor(userId: string, companyId: string, manager?: EntityManager): Promise<boolean> {
    const repository = manager ? manager.getRepository(CompanyMember) : this.members;
    return repository.existsBy({ companyId, userId });
  }

  async find(id: string): Promise<Company> {
    const company = await this.companies.findOneBy({ id });
    if (!company) throw AppError.notFound('company', id);
    return company;
  }
}
