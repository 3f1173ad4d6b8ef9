import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import type { WireUserSettings } from '../notifications/notification.wire';
import { UpdateSettingsDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users/me/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  /** Language, time zone, reminder minutes, and per kind `email`, `in-app` or `off`. */
  @Get()
  get(@CurrentUser() user: AuthUser): Promise<WireUserSettings> {
    return this.settings.get(user.id);
  }

  /** Changes any part; `notifications` is merged kind by kind (account emails stay `email`). */
  @Patch()
  update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateSettingsDto,
  ): Promise<WireUserSettings> {
    return this.settings.update(user.id, body);
  }
}
