import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import type { Page } from '../common/pagination';
import { CompaniesService } from '../companies/companies.service';
import { toPrefixTsQuery } from '../companies/tags';
import type {
  CreateOpportunityDto,
  ListOpportunitiesQuery,
  UpdateOpportunityDto,
} from './dto/opportunity.dto';
import { fitPosts, type FitCompany } from './opportunity-fit';
import {
  canEditPost,
  isOnBoard,
  loadOpportunityRow,
  ON_BOARD_SQL,
  selectOpportunities,
  SEARCH_DOCUMENT_SQL,
  toFitCompany,
  toFitPost,
  toWireOpportunity,
  type CompanyProfileRow,
  type OpportunityRow,
  type Viewer,
} from './opportunity-rows';
import { Opportunity } from './opportunity.entity';
import { isFirmKind, type WireOpportunity } from './opportunity.wire';

/**
 * How many of the newest matching posts a ranked list scores (ranking is done in memory, by the
 * scoring of matches); older ones beyond it are left out of a ranked list, not of a plain one.
 */
export const RANKED_POSTS_LIMIT = 2000;

/**
 * The opportunities board: firms' offers and requests, organisers' projects and market
 * information. Every signed-in user reads the open posts; the posting company's users and
 * organisers edit and delete a post, and still open it once its deadline has passed.
 */
@Injectable()
export class OpportunitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
  ) {}

  /**
   * A firm's `offer` or `request` for a verified company its user belongs to (or an organiser
   * acting for it), or an organiser's `project` or `market-info` with no company.
   */
  async create(user: AuthUser, input: CreateOpportunityDto): Promise<WireOpportunity> {
    if (isFirmKind(input.kind)) {
      if (input.companyId === undefined) {
        throw AppError.invalid(
          { companyId: ['is required for an offer or a request'] },
          { companyId: [{ rule: 'required' }] },
        );
      }
      if (input.partnerCountry !== undefined && input.partnerCountry !== null) {
        throw AppError.invalid(
          { partnerCountry: ['is for projects and market information only'] },
          { partnerCountry: [{ rule: 'notAllowed' }] },
        );
      }
      await this.assertMayPostFor(user, input.companyId);
    } else {
      if (!isOrganiser(user)) {
        throw AppError.forbidden(
          'auth.role_required',
          'Only organisers post projects and market information',
        );
      }
      if (input.companyId !== undefined) {
        throw AppError.invalid(
          { companyId: ['must be left out of a project or market information'] },
          { companyId: [{ rule: 'notAllowed' }] },
        );
      }
    }
    const repository = this.dataSource.getRepository(Opportunity);
    const saved = await repository.save(
      repository.create({
        kind: input.kind,
        title: input.title,
        description: input.description,
        sectors: input.sectors,
        countries: input.countries,
        partnerTypes: input.partnerTypes ?? [],
        deadline: input.deadline ? new Date(input.deadline) : null,
        link: input.link ?? null,
        partnerCountry: input.partnerCountry ?? null,
        companyId: input.companyId ?? null,
        postedById: user.id,
      }),
    );
    return this.view(user, saved.id);
  }

  /**
   * The open posts, filtered; newest first (best text match first with `q`), or with
   * `companyId` ranked for that company by the scoring of matches, with `score` and `reasons`.
   */
  async list(user: AuthUser, query: ListOpportunitiesQuery): Promise<Page<WireOpportunity>> {
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const ranker = query.companyId ? await this.ranker(user, query.companyId) : null;
    const params: unknown[] = [query.companyId ?? null];
    const add = (value: unknown): string => `$${params.push(value)}`;
    const where = [ON_BOARD_SQL];
    if (query.kind) where.push(`o.kind = ${add(query.kind)}`);
    if (query.sector) where.push(`${add(query.sector)} = ANY(o.sectors)`);
    if (query.country) {
      const country = add(query.country);
      where.push(
        `(${country} = ANY(o.countries) OR o.partner_country = ${country} OR c.country = ${country})`,
      );
    }
    let textRank = '';
    if (query.q) {
      const tsQuery = toPrefixTsQuery(query.q);
      if (!tsQuery) return empty;
      const placeholder = add(tsQuery);
      where.push(`${SEARCH_DOCUMENT_SQL} @@ to_tsquery('simple', ${placeholder})`);
      textRank = `ts_rank(${SEARCH_DOCUMENT_SQL}, to_tsquery('simple', ${placeholder})) DESC, `;
    }
    const conditions = `WHERE ${where.join(' AND ')}`;
    const viewer = await this.viewer(user);
    const now = new Date();

    if (ranker) {
      const rows = await this.dataSource.query<OpportunityRow[]>(
        `${selectOpportunities()} ${conditions}
          ORDER BY o.created_at DESC, o.id LIMIT ${RANKED_POSTS_LIMIT}`,
        params,
      );
      const fits = fitPosts(ranker, rows.map(toFitPost));
      const ranked = rows
        .map((row, index) => ({ row, fit: fits[index] }))
        // Best fit first, the company's own posts (no score) last; stable, so newest first within.
        .sort((x, y) => (y.fit.score ?? -1) - (x.fit.score ?? -1));
      const start = (query.page - 1) * query.pageSize;
      return {
        items: ranked
          .slice(start, start + query.pageSize)
          .map(({ row, fit }) => toWireOpportunity(row, viewer, now, fit)),
        total: ranked.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    }

    const filterParams = [...params];
    const rows = await this.dataSource.query<OpportunityRow[]>(
      `${selectOpportunities('count(*) OVER ()::int AS total,')} ${conditions}
        ORDER BY ${textRank}o.created_at DESC, o.id
        LIMIT ${add(query.pageSize)} OFFSET ${add((query.page - 1) * query.pageSize)}`,
      params,
    );
    // Past the last page the window count has no row to ride on: count apart.
    const total =
      rows[0]?.total ??
      (query.page > 1
        ? (
            await this.dataSource.query<{ total: number }[]>(
              `SELECT count(*)::int AS total FROM (${selectOpportunities()} ${conditions}) listed`,
              filterParams,
            )
          )[0].total
        : 0);
    return {
      items: rows.map((row) => toWireOpportunity(row, viewer, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * One post. Once off the board (its deadline passed), only its company's users and organisers
   * open it; to anyone else it is not there (404). With `companyId`, ranked for that company.
   */
  async get(user: AuthUser, id: string, companyId?: string): Promise<WireOpportunity> {
    return this.view(user, id, companyId);
  }

  /** The poster's company users and organisers change any field but the kind and the company. */
  async update(
    user: AuthUser,
    id: string,
    changes: UpdateOpportunityDto,
  ): Promise<WireOpportunity> {
    await this.dataSource.transaction(async (manager) => {
      const post = await this.findEditable(manager, user, id);
      if (
        isFirmKind(post.kind) &&
        changes.partnerCountry !== undefined &&
        changes.partnerCountry !== null
      ) {
        throw AppError.invalid(
          { partnerCountry: ['is for projects and market information only'] },
          { partnerCountry: [{ rule: 'notAllowed' }] },
        );
      }
      if (changes.title !== undefined) post.title = changes.title;
      if (changes.description !== undefined) post.description = changes.description;
      if (changes.sectors !== undefined) post.sectors = changes.sectors;
      if (changes.countries !== undefined) post.countries = changes.countries;
      if (changes.partnerTypes !== undefined) post.partnerTypes = changes.partnerTypes;
      if (changes.deadline !== undefined) {
        post.deadline = changes.deadline === null ? null : new Date(changes.deadline);
      }
      if (changes.link !== undefined) post.link = changes.link;
      if (changes.partnerCountry !== undefined) post.partnerCountry = changes.partnerCountry;
      await manager.save(post);
    });
    return this.view(user, id);
  }

  /** Deletes the post and, with it, the interest expressed in it (the messages stay). */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const post = await this.findEditable(manager, user, id);
      await manager.delete(Opportunity, { id: post.id });
    });
  }

  /** Who looks, with the companies they speak for. */
  async viewer(user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<Viewer> {
    const rows = await manager.query<{ company_id: string }[]>(
      'SELECT company_id FROM company_members WHERE user_id = $1',
      [user.id],
    );
    return {
      organiser: isOrganiser(user),
      companyIds: new Set(rows.map((row) => row.company_id)),
    };
  }

  /**
   * The post as the user may see it: on the board, or theirs to edit; 404 otherwise. Shared with
   * the interest in posts, which reads it in its own transaction.
   */
  async findVisibleRow(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    companyId: string | null = null,
  ): Promise<{ row: OpportunityRow; viewer: Viewer }> {
    // One after the other: the manager may be a transaction's, a single connection.
    const row = await loadOpportunityRow(manager, id, companyId);
    const viewer = await this.viewer(user, manager);
    if (!row || (!isOnBoard(row, new Date()) && !canEditPost(viewer, row))) {
      throw AppError.notFound('opportunity', id);
    }
    return { row, viewer };
  }

  private async view(user: AuthUser, id: string, companyId?: string): Promise<WireOpportunity> {
    const ranker = companyId ? await this.ranker(user, companyId) : null;
    const { row, viewer } = await this.findVisibleRow(
      this.dataSource.manager,
      user,
      id,
      companyId ?? null,
    );
    const fit = ranker ? fitPosts(ranker, [toFitPost(row)])[0] : undefined;
    return toWireOpportunity(row, viewer, new Date(), fit);
  }

  /** The post, locked, if the user may edit it: 404 if they may not see it, 403 if only read. */
  private async findEditable(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<Opportunity> {
    const { row, viewer } = await this.findVisibleRow(manager, user, id);
    if (!canEditPost(viewer, row)) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only the posting company's users and organisers change a post",
      );
    }
    const post = await manager
      .getRepository(Opportunity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!post) throw AppError.notFound('opportunity', id);
    return post;
  }

  /** The company a list is ranked for: the user's own (or any, for an organiser). */
  private async ranker(user: AuthUser, companyId: string): Promise<FitCompany> {
    await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may rank the board for a company',
      );
    }
    const [row] = await this.dataSource.query<CompanyProfileRow[]>(
      `SELECT id, name, country, sectors, offers, seeks, partner_types, target_markets, languages
         FROM companies WHERE id = $1`,
      [companyId],
    );
    return toFitCompany(row);
  }

  private async assertMayPostFor(user: AuthUser, companyId: string): Promise<void> {
    const company = await this.companies.find(companyId);
    if (!(await this.companies.canManage(user, companyId))) {
      throw AppError.forbidden('company.not_yours', "Only the company's own users post for it");
    }
    if (company.status !== 'verified') {
      throw AppError.conflict(
        'company.not_verified',
        'Your company is not verified yet; only verified companies post on the board',
      );
    }
  }
}
