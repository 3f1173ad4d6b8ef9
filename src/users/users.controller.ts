import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { LiveEmitter } from '../live/live-emitter';
import type { Page } from '../common/pagination';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/create-user.dto';
import {
  toAdminUserView,
  toUserView,
  UsersService,
  type AdminUserView,
  type UserView,
} from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly live: LiveEmitter,
  ) {}

  /** Creates an organiser (or another admin). Admins only. */
  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() body: CreateUserDto): Promise<{ user: UserView }> {
    return { user: toUserView(await this.users.create(body)) };
  }

  /**
   * Accounts, newest first, paginated: `q` (part of the email or name), `role`, `disabled`
   * (`true`/`false`). Admins only; how an admin finds the account to disable.
   */
  @Get()
  @Roles('admin')
  list(@Query() query: ListUsersQuery): Promise<Page<AdminUserView>> {
    return this.users.list(query);
  }

  /**
   * Disables an account (`{disabled: true}`) or enables it again. A disabled user's tokens are
   * refused at once (401), on HTTP and at the live handshake, their open live connections are
   * closed, and they cannot sign in. Admins only; not their own account.
   */
  @Patch(':id')
  @Roles('admin')
  async update(
    @CurrentUser() admin: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<{ user: AdminUserView }> {
    const user = await this.users.setDisabled(admin.id, id, body.disabled);
    if (user.disabledAt) this.live.disconnectUser(user.id);
    return { user: toAdminUserView(user) };
  }
}
