import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { describeTaxonomy } from './taxonomy';

@ApiTags('companies')
@Controller()
export class TaxonomyController {
  /** Sectors, partner types and employee bands. */
  @Public()
  @Get('taxonomy')
  taxonomy() {
    return describeTaxonomy();
  }
}
