import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { UpdateAgreementDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';
import type { WireAgreement } from './partners.wire';

/** Agreements with partner economies, by their own id. */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly partners: PartnersService) {}

  /** Changes an agreement (organisers); its status on the wire still follows its dates when signed. */
  @Patch(':id')
  @Roles('organiser')
  update(@UuidParam('id') id: string, @Body() body: UpdateAgreementDto): Promise<WireAgreement> {
    return this.partners.updateAgreement(id, body);
  }
}
