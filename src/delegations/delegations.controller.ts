import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
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
import { UuidParam } from '../common/uuid-param';
import { DelegationApplicationsService } from './delegation-applications.service';
import { DelegationsService } from './delegations.service';
import {
  ApplyDto,
  CreateDelegationDto,
  CreateItineraryItemDto,
  DecideApplicationDto,
  ListDelegationsQuery,
  UpdateDelegationDto,
} from './dto/delegation.dto';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly applications: DelegationApplicationsService,
  ) {}

  @Post()
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateDelegationDto) {
    return this.delegations.create(user, body);
  }

  /** Delegations, soonest first (`when=past`: latest first), filtered by direction and country. */
  @Get()
  list(@Query() query: ListDelegationsQuery) {
    return this.delegations.list(query);
  }

  /** With the itinerary (UTC and local times) and the applications the caller may see. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.delegations.get(user, id);
  }

  @Patch(':id')
  @Roles('organiser')
  update(@UuidParam('id') id: string, @Body() body: UpdateDelegationDto) {
    return this.delegations.update(id, body);
  }

  /** Adds a programme item; it must lie within the delegation's days in its zone. */
  @Post(':id/itinerary')
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  addItem(@UuidParam('id') id: string, @Body() body: CreateItineraryItemDto) {
    return this.delegations.addItem(id, body);
  }

  @Delete(':id/itinerary/:itemId')
  @Roles('organiser')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeItem(@UuidParam('id') id: string, @UuidParam('itemId') itemId: string) {
    return this.delegations.removeItem(id, itemId);
  }

  /** The itinerary as an iCalendar feed for calendar apps. */
  @Get(':id/itinerary.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async calendar(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { filename, body } = await this.delegations.calendar(id);
    void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  /** A company's own user applies for it (verified companies only; once per delegation). */
  @Post(':id/applications')
  @HttpCode(HttpStatus.CREATED)
  apply(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: ApplyDto) {
    return this.applications.apply(user, id, body.companyId);
  }

  /** Organisers accept (409 when full), reject or waitlist; the company's users may withdraw. */
  @Patch(':id/applications/:applicationId')
  decide(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('applicationId') applicationId: string,
    @Body() body: DecideApplicationDto,
  ) {
    return this.applications.decide(user, id, applicationId, body.status, body.reason ?? '');
  }
}
