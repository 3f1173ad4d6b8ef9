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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/auth.decorators';
import { AcceptsText } from '../common/accepts-text';
import { AppError } from '../common/app-error';
import { sendsCsv } from '../common/csv';
import { UuidParam } from '../common/uuid-param';
import { CompaniesService } from './companies.service';
import { CompanyActivitiesService, type CompanyActivitiesView } from './company-activities.service';
import { CompanyImportService } from './company-import.service';
import {
  CreateCompanyDto,
  ImportQuery,
  ListCompaniesQuery,
  UpdateCompanyDto,
  VerifyCompanyDto,
} from './dto/company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly importer: CompanyImportService,
    private readonly activities: CompanyActivitiesService,
  ) {}

  /** Registers a company; the caller owns it and it waits, `pending`, for an organiser. */
  @Post()
  @Roles('member')
  @HttpCode(HttpStatus.CREATED)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCompanyDto) {
    return this.companies.create(user, body);
  }

  /** The directory, filtered, searched and paginated. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListCompaniesQuery) {
    return this.companies.list(user, query);
  }

  /**
   * Bulk registration from a `text/csv` body with a header row. Columns: name, country, city,
   * website, description, sectors, offers, seeks, partnerTypes, targetMarkets, languages, timezone,
   * employees, and optionally ownerEmail and status (pending or verified); list cells separate
   * values with `;`. Returns the rows created and, for every other row, what was wrong. With
   * `?dryRun=true`, a trial run: the same answer, and nothing stored.
   */
  /** The import's CSV template: every column it reads, and one example row. */
  @Get('import/template.csv')
  @Roles('organiser')
  @ApiProduces('text/csv')
  importTemplate(@Res({ passthrough: true }) reply: FastifyReply): string {
    sendsCsv(reply, 'companies-import-template.csv');
    return this.importer.template();
  }

  @Post('import')
  @AcceptsText()
  @Roles('organiser')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'name,country,city,sectors,languages,timezone,employees\nMaple Channel Partners,CA,Toronto,e-commerce,en,America/Toronto,10-49',
    },
  })
  import(@Body() csv: unknown, @Query() query: ImportQuery) {
    if (typeof csv !== 'string') {
      throw new AppError(
        'unsupported-media-type',
        'import.not_csv',
        'Send the companies as a text/csv body',
      );
    }
    return this.importer.import(csv, query.dryRun === 'true');
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.companies.get(user, id);
  }

  /**
   * The sessions and delegations the company takes part in that the reader may see: no draft
   * session for members, and only accepted delegation places of another company.
   */
  @Get(':id/activities')
  activitiesOf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<CompanyActivitiesView> {
    return this.activities.activities(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateCompanyDto,
  ) {
    return this.companies.update(user, id, body);
  }

  /** Organisers verify or reject a company. */
  @Post(':id/verification')
  @Roles('organiser')
  @HttpCode(HttpStatus.OK)
  verify(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: VerifyCompanyDto,
  ) {
    return this.companies.verify(user, id, body.status, body.reason ?? '');
  }
}
