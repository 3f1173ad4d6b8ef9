import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RateLimited, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { LoginDto, SignUpDto } from '../users/dto/create-user.dto';
import { CurrentUser, Public, type AuthUser } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
@UseGuards(RateLimitGuard)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Sign up as a firm representative (role `member`). */
  @Public()
  @RateLimited('auth')
  @Post('register')
  @HttpCode(HttpStatus.CREATED)
  register(@Body() body: SignUpDto) {
    return this.auth.register(body);
  }

  /** Sign in; repeated failures for one account are refused with 429 for a while. */
  @Public()
  @RateLimited('auth')
  @Post('login')
  @HttpCode(HttpStatus.OK)
  login(@Body() body: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(body, request.ip);
  }

  /** The signed-in user and the companies they speak for. */
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user.id);
  }
}
