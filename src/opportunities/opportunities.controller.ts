import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { sendsCsv } from '../common/csv';
import { UuidParam } from '../common/uuid-param';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import {
  CreateOpportunityDto,
  ExpressInterestDto,
  GetOpportunityQuery,
  InterestListQuery,
  ListOpportunitiesQuery,
  UpdateOpportunityDto,
} from './dto/opportunity.dto';
import { OpportunitiesService } from './opportunities.service';
import { OpportunityInterestsService } from './opportunity-interests.service';
import type {
  WireOpportunity,
  WireOpportunityInterest,
  WireOpportunityPage,
} from './opportunity.wire';

/**
 * The opportunities board: firms' offers and requests, organisers' projects and market
 * information; every signed-in user reads the open posts, and a firm expresses interest.
 */
@ApiTags('opportunities')
@ApiBearerAuth()
@Controller('opportunities')
@UseGuards(RateLimitGuard)
export class OpportunitiesController {
  constructor(
    private readonly board: OpportunitiesService,
    private readonly interests: OpportunityInterestsService,
  ) {}

  /** Posts an offer or request for your (verified) company, or, as an organiser, a project or market information. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateOpportunityDto,
  ): Promise<WireOpportunity> {
    return this.board.create(user, body);
  }

  /** The open posts, filtered and paged; with `companyId`, ranked for it with `score` and `reasons`. */
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListOpportunitiesQuery,
  ): Promise<WireOpportunityPage> {
    return this.board.list(user, query);
  }

  /** One post (past its deadline, for its company's users and organisers only). */
  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: GetOpportunityQuery,
  ): Promise<WireOpportunity> {
    return this.board.get(user, id, query.companyId);
  }

  /** Changes a post: its company's users and organisers. */
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateOpportunityDto,
  ): Promise<WireOpportunity> {
    return this.board.update(user, id, body);
  }

  /** Deletes a post and the interest expressed in it (messages sent stay in their conversations). */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.board.remove(user, id);
  }

  /**
   * Your company's interest: a message to the posting company (a firm's post), or a registration
   * (an organiser's post). Once per company and post.
   */
  @Post(':id/interest')
  @RateLimited('messages')
  @HttpCode(HttpStatus.CREATED)
  express(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ExpressInterestDto,
  ): Promise<WireOpportunityInterest> {
    return this.interests.express(user, id, body);
  }

  /** Who expressed interest, first first (`?format=csv` to export): its company's users and organisers. */
  @Get(':id/interest')
  @ApiProduces('application/json', 'text/csv')
  async interest(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: InterestListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WireOpportunityInterest[] | string> {
    if (query.format !== 'csv') return this.interests.list(user, id);
    const body = await this.interests.csv(user, id);
    sendsCsv(reply, `opportunity-${id}-interest.csv`);
    return body;
  }
}
