import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { sendsCsv } from '../common/csv';
import type { Page } from '../common/pagination';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import { UuidParam } from '../common/uuid-param';
import {
  CheckInDto,
  CreateSeminarDto,
  ListSeminarsQuery,
  RegisterDto,
  UpdateSeminarDto,
  WithdrawRegistrationDto,
} from './dto/seminar.dto';
import { SeminarRegistrationsService } from './seminar-registrations.service';
import { SeminarsService } from './seminars.service';
import type {
  WireCheckIn,
  WireSeminar,
  WireSeminarDetail,
  WireSeminarRegistration,
} from './seminars.wire';

@ApiTags('seminars')
@ApiBearerAuth()
@Controller('seminars')
export class SeminarsController {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly registrations: SeminarRegistrationsService,
  ) {}

  @Post()
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSeminarDto): Promise<WireSeminar> {
    return this.seminars.create(user, body);
  }

  /** Upcoming seminars, soonest first; `when=past` (organisers): latest first. */
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListSeminarsQuery,
  ): Promise<Page<WireSeminar>> {
    return this.seminars.list(user, query);
  }

  /** With the caller's own registration and its check-in code, when they have one. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<WireSeminarDetail> {
    return this.registrations.get(user, id);
  }

  @Patch(':id')
  @Roles('organiser')
  update(@UuidParam('id') id: string, @Body() body: UpdateSeminarDto): Promise<WireSeminar> {
    return this.seminars.update(id, body);
  }

  /** A verified company's user takes a seat (or a place on the waitlist when full). */
  @Post(':id/registrations')
  @HttpCode(HttpStatus.CREATED)
  register(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: RegisterDto,
  ): Promise<WireSeminarRegistration> {
    return this.registrations.register(user, id, body.companyId);
  }

  /** Organisers: all; a firm's user: their companies' (a code only on their own). */
  @Get(':id/registrations')
  listRegistrations(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<WireSeminarRegistration[]> {
    return this.registrations.list(user, id);
  }

  /** The seat's holder or their company's owner withdraws; the longest-waiting is promoted. */
  @Patch(':id/registrations/:registrationId')
  withdraw(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('registrationId') registrationId: string,
    @Body() _body: WithdrawRegistrationDto,
  ): Promise<WireSeminarRegistration> {
    return this.registrations.withdraw(user, id, registrationId);
  }

  /** Rate-limited per address: a code is 50 bits, and guessing is how one would be found. */
  @Post(':id/check-in')
  @Roles('organiser')
  @RateLimited('check-in')
  @HttpCode(HttpStatus.OK)
  checkIn(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CheckInDto,
  ): Promise<WireCheckIn> {
    return this.registrations.checkIn(user, id, body.code);
  }

  @Get(':id/attendance.csv')
  @Roles('organiser')
  @ApiProduces('text/csv')
  async attendance(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, body } = await this.registrations.attendanceCsv(id);
    sendsCsv(reply, filename);
    return body;
  }
}
