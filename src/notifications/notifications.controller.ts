import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { ListNotificationsQuery, MarkReadDto } from './dto/notifications.dto';
import { NotificationCentre } from './notification-centre.service';
import type { WireNotificationPage } from './notification.wire';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly centre: NotificationCentre) {}

  /** Your notifications, newest first, in your language and time zone, with the unread count. */
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<WireNotificationPage> {
    return this.centre.list(user.id, query);
  }

  /** Marks `{ids}` (your own) or `{all: true}` read; answers how many are still unread. */
  @Post('read')
  @HttpCode(HttpStatus.OK)
  markRead(@CurrentUser() user: AuthUser, @Body() body: MarkReadDto): Promise<{ unread: number }> {
    return this.centre.markRead(user.id, body);
  }
}
