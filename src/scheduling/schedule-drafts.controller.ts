import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { PublishDraftDto } from './dto/schedule.dto';
import { ScheduleDrafts } from './schedule-drafts.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('sessions/:id/schedule/draft')
export class ScheduleDraftsController {
  constructor(private readonly drafts: ScheduleDrafts) {}

  /** The draft with its report and what it changes against the published schedule. */
  @Get()
  @Roles('organiser')
  show(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.drafts.show(user, id);
  }

  /** Discards the draft (nothing happens when there is none). */
  @Delete()
  @Roles('organiser')
  @HttpCode(HttpStatus.NO_CONTENT)
  discard(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.drafts.discard(user, id);
  }

  /** Publishes the draft in one transaction; 409 when it is no longer the inputs' plan. */
  @Post('publish')
  @Roles('organiser')
  @HttpCode(HttpStatus.OK)
  publish(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: PublishDraftDto,
  ) {
    return this.drafts.publish(user, id, body.draftId);
  }
}
