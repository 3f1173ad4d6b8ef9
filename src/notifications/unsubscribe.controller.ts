import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AcceptsForm } from '../common/accepts-text';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersService } from '../users/users.service';
import { SettingsService } from '../users/settings.service';
import { UnsubscribeQuery } from './dto/notifications.dto';
import type { WireUnsubscribe } from './notification.wire';
import { readUnsubscribeKey } from './unsubscribe-key';

/** `ad…@harbourpay.hk`: enough to recognise one's address, not to learn someone's. */
function hideAddress(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 2)}…@${domain}`;
}

/**
 * One-click unsubscribe (RFC 8058): the link in an email's `List-Unsubscribe` header and footer.
 * No sign-in; the signed key names the user and the kind.
 */
@ApiTags('notifications')
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly settings: SettingsService,
  ) {}

  /** What the one click will do: which kind of email stops, for which address. */
  @Get()
  async show(@Query() query: UnsubscribeQuery): Promise<WireUnsubscribe> {
    const { userId, kind } = await this.holder(query.key);
    const settings = await this.settings.get(userId);
    return { kind, email: await this.address(userId), delivery: settings.notifications[kind] };
  }

  /** Turns that kind's email off (it stays in the app); mail clients post `List-Unsubscribe=One-Click`. */
  @Post()
  @AcceptsForm()
  @HttpCode(HttpStatus.OK)
  async unsubscribe(@Query() query: UnsubscribeQuery): Promise<WireUnsubscribe> {
    const { userId, kind } = await this.holder(query.key);
    const delivery = await this.settings.turnEmailOff(userId, kind);
    return { kind, email: await this.address(userId), delivery };
  }

  private async holder(key: string) {
    const holder = readUnsubscribeKey(this.config.jwtSecret, key);
    if (!holder) {
      throw AppError.invalid(
        { key: ['key is not a valid unsubscribe key'] },
        { key: [{ rule: 'format' }] },
      );
    }
    if (!(await this.users.findById(holder.userId))) throw AppError.notFound('user', holder.userId);
    return holder;
  }

  private async address(userId: string): Promise<string> {
    return hideAddress((await this.users.findById(userId))?.email ?? '');
  }
}
