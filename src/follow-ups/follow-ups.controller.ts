import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { AnswerFollowUpDto } from './dto/follow-up.dto';
import type { WireFollowUp, WireFollowUpSaved } from './follow-ups.wire';
import { FollowUpsService } from './follow-ups.service';

/**
 * A follow-up survey, for the holder of its emailed link (no sign-in): the signed key names the
 * survey. A key that is not well signed, or names no survey, is `404`; an expired one `410`.
 */
@ApiTags('follow-ups')
@Public()
@Controller('follow-ups')
@UseGuards(RateLimitGuard)
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  /** The firm, the session, each meeting the firm held there and every answer so far. */
  @RateLimited('follow-ups')
  @Get(':key')
  read(@Param('key') key: string): Promise<WireFollowUp> {
    return this.followUps.read(key);
  }

  /** What came of the meetings now: each answer is kept beside the earlier ones (history). */
  @RateLimited('follow-ups')
  @Post(':key')
  @HttpCode(HttpStatus.OK)
  answer(@Param('key') key: string, @Body() body: AnswerFollowUpDto): Promise<WireFollowUpSaved> {
    return this.followUps.answer(key, body);
  }
}
