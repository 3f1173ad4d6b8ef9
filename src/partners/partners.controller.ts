import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import {
  CreateAgreementDto,
  CreatePartnerDto,
  PartnerActivitiesQuery,
  UpdatePartnerDto,
} from './dto/partner.dto';
import { PartnerActivitiesService } from './partner-activities.service';
import { PartnersService } from './partners.service';
import type { WireAgreement, WirePartner, WirePartnerActivities } from './partners.wire';

/** Partner economies of the programme: organisers write, every signed-in user reads. */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly activities: PartnerActivitiesService,
  ) {}

  /** A partner economy; one per country (409 `partner.country_taken` for a second). */
  @Post()
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  create(@Body() body: CreatePartnerDto): Promise<WirePartner> {
    return this.partners.create(body);
  }

  /** Every partner economy with its agreements, each with its status today. */
  @Get()
  list(): Promise<WirePartner[]> {
    return this.partners.list();
  }

  /** One partner economy with its agreements and their chain of renewals. */
  @Get(':id')
  get(@UuidParam('id') id: string): Promise<WirePartner> {
    return this.partners.get(id);
  }

  @Patch(':id')
  @Roles('organiser')
  update(@UuidParam('id') id: string, @Body() body: UpdatePartnerDto): Promise<WirePartner> {
    return this.partners.update(id, body);
  }

  /** An agreement; with `renews`, the one it renews becomes `renewed` and keeps its dates. */
  @Post(':id/agreements')
  @Roles('organiser')
  @HttpCode(HttpStatus.CREATED)
  addAgreement(
    @UuidParam('id') id: string,
    @Body() body: CreateAgreementDto,
  ): Promise<WireAgreement> {
    return this.partners.addAgreement(id, body);
  }

  /** The sessions, delegations and seminars held under it in `year`, and the years that have any. */
  @Get(':id/activities')
  @Roles('organiser')
  listActivities(
    @UuidParam('id') id: string,
    @Query() query: PartnerActivitiesQuery,
  ): Promise<WirePartnerActivities> {
    return this.activities.list(id, query.year);
  }
}
