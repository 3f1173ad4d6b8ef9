import { Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { MatchesQuery } from './dto/matches.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('sessions/:id')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** Queues a full rescore of the session; follow it at GET /api/jobs/:jobId. */
  @Post('scoring')
  @Roles('organiser')
  @HttpCode(HttpStatus.ACCEPTED)
  score(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.matching.startFullRescore(user, id);
  }

  /**
   * A company's ranked matches, best first: `[{company, score, reasons}]`; `X-Total-Count` says
   * how many there are in all (page with `limit` and `offset`).
   */
  @Get('matches')
  async matches(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: MatchesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { items, total } = await this.matching.matches(user, id, query);
    void reply.header('X-Total-Count', String(total));
    return items;
  }
}
