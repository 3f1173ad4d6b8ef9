import { Body, Controller, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { FeedbackDto, UpdateMeetingDto } from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  /** Organisers: held, no-show, cancelled; either firm: cancelled (frees both slots). */
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateMeetingDto,
  ) {
    return this.meetings.update(user, id, body);
  }

  /** Each side, once: rating 1–5, outcome, comment. */
  @Post(':id/feedback')
  @HttpCode(HttpStatus.CREATED)
  feedback(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: FeedbackDto) {
    return this.meetings.feedback(user, id, body);
  }
}
