import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { CreateUserDto } from './dto/create-user.dto';
import { toUserView, UsersService, type UserView } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates an organiser (or another admin). Admins only. */
  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() body: CreateUserDto): Promise<{ user: UserView }> {
    return { user: toUserView(await this.users.create(body)) };
  }
}
