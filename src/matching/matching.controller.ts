import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
   * A company's ranked matches, best first, a page at a time:
   * `{items: [{company, score, reasons, preference}], total, page, pageSize}`. Firms it marked
   * `not-interested` are hidden unless `includeHidden=true`.
   */
  @Get('matches')
  matches(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: MatchesQuery,
  ) {
    return this.matching.matches(user, id, query);
  }
}
