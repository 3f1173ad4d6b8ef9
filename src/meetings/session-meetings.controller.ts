import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { BookMeetingDto } from './dto/board.dto';
import { MeetingBoard } from './meeting-board.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('sessions/:id/meetings')
export class SessionMeetingsController {
  constructor(private readonly board: MeetingBoard) {}

  /** Books a meeting by hand in a free cell of the board: `201`, or `409` naming what is in the way. */
  @Post()
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  book(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: BookMeetingDto) {
    return this.board.book(user, id, body);
  }
}
