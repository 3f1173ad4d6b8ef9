import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { writeCsv } from '../common/csv';
import { isUniqueViolation } from '../common/database-errors';
import { CompaniesService } from '../companies/companies.service';
import { ConversationsService } from '../conversations/conversations.service';
import { OpportunitiesService } from './opportunities.service';
import { canEditPost, isOnBoard } from './opportunity-rows';
import { OpportunityInterest } from './opportunity-interest.entity';
import type { WireOpportunityInterest } from './opportunity.wire';

interface InterestRow {
  id: string;
  opportunity_id: string;
  company_id: string;
  company_name: string;
  company_country: string;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  message: string;
  conversation_id: string | null;
  created_at: Date;
}

const INTEREST_SELECT = `SELECT i.id, i.opportunity_id, i.company_id, c.name AS company_name,
       c.country AS company_country, i.user_id, u.name AS user_name, u.email AS user_email,
       i.message, i.conversation_id, i.created_at
  FROM opportunity_interests i
  JOIN companies c ON c.id = i.company_id
  LEFT JOIN users u ON u.id = i.user_id`;

/** The columns of the interest list as CSV, in order. */
export const INTEREST_CSV_COLUMNS = [
  'company',
  'country',
  'contact',
  'email',
  'message',
  'expressedAt',
] as const;

function toWireInterest(row: InterestRow, withEmail: boolean): WireOpportunityInterest {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    company: { id: row.company_id, name: row.company_name, country: row.company_country },
    user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
    email: withEmail ? row.user_email : null,
    message: row.message,
    conversationId: row.conversation_id,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Interest in a post, once per company and post (a second time is `409 interest.duplicate`):
 * for a firm's post, the message goes to the posting company through the conversations (the same
 * path as `POST /api/conversations`: live to its users, an email if it stays unread), and the
 * interest is written in the message's transaction; for an organiser's post, it is a registration
 * the organisers list and export.
 */
@Injectable()
export class OpportunityInterestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly board: OpportunitiesService,
    private readonly conversations: ConversationsService,
  ) {}

  async express(
    user: AuthUser,
    opportunityId: string,
    input: { companyId: string; message: string },
  ): Promise<WireOpportunityInterest> {
    const company = await this.companies.find(input.companyId);
    if (!(await this.companies.speaksFor(user.id, company.id))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only a company's own users express its interest",
      );
    }
    const { row } = await this.board.findVisibleRow(
      this.dataSource.manager,
      user,
      opportunityId,
      company.id,
    );
    if (!isOnBoard(row, new Date())) {
      throw AppError.conflict('opportunity.expired', 'This post is past its deadline');
    }
    if (row.company_id === company.id) {
      throw AppError.conflict('opportunity.own', 'Your company posted this');
    }
    if (company.status !== 'verified') {
      throw AppError.conflict(
        'company.not_verified',
        'Your company is not verified yet; only verified companies take part',
      );
    }
    if (row.interested) throw this.duplicate();

    let interestId = '';
    const record = async (manager: EntityManager, conversationId: string | null) => {
      try {
        const saved = await manager.save(
          manager.create(OpportunityInterest, {
            opportunityId,
            companyId: company.id,
            userId: user.id,
            message: input.message,
            conversationId,
          }),
        );
        interestId = saved.id;
      } catch (error) {
        // Two users of one company at once: the unique pair lets one in.
        if (isUniqueViolation(error, 'opportunity_interests_key')) throw this.duplicate();
        throw error;
      }
    };
    if (row.company_id !== null) {
      await this.conversations.start(
        user,
        { fromCompanyId: company.id, toCompanyId: row.company_id, text: input.message },
        (manager, message) => record(manager, message.conversationId),
      );
    } else {
      await this.dataSource.transaction((manager) => record(manager, null));
    }
    const [saved] = await this.dataSource.query<InterestRow[]>(
      `${INTEREST_SELECT} WHERE i.id = $1`,
      [interestId],
    );
    return toWireInterest(saved, false);
  }

  /** The interest in a post, first first: for its company's users and organisers. */
  async list(user: AuthUser, opportunityId: string): Promise<WireOpportunityInterest[]> {
    const { rows, organiser } = await this.rows(user, opportunityId);
    return rows.map((row) => toWireInterest(row, organiser));
  }

  /** The same list as CSV (UTF-8 with a byte-order mark, formula-like cells neutralised). */
  async csv(user: AuthUser, opportunityId: string): Promise<string> {
    const { rows, organiser } = await this.rows(user, opportunityId);
    return writeCsv(
      INTEREST_CSV_COLUMNS,
      rows.map((row) => ({
        company: row.company_name,
        country: row.company_country,
        contact: row.user_name,
        email: organiser ? row.user_email : null,
        message: row.message,
        expressedAt: row.created_at,
      })),
    );
  }

  private async rows(
    user: AuthUser,
    opportunityId: string,
  ): Promise<{ rows: InterestRow[]; organiser: boolean }> {
    const { row, viewer } = await this.board.findVisibleRow(
      this.dataSource.manager,
      user,
      opportunityId,
    );
    if (!canEditPost(viewer, row)) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only the posting company's users and organisers see who is interested",
      );
    }
    const rows = await this.dataSource.query<InterestRow[]>(
      `${INTEREST_SELECT} WHERE i.opportunity_id = $1 ORDER BY i.created_at, i.id`,
      [opportunityId],
    );
    return { rows, organiser: viewer.organiser };
  }

  private duplicate(): AppError {
    return AppError.conflict(
      'interest.duplicate',
      'Your company has already expressed interest in this post',
    );
  }
}
