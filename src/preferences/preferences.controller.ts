import { Body, Controller, Delete, HttpCode, HttpStatus, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { ClearPreferenceQuery, SetPreferenceDto } from './dto/preference.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('sessions/:id/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  /**
   * Your company's wish about meeting another participant: `must-meet`, `interested` or
   * `not-interested` (hidden from your matches; never scheduled unless you asked each other).
   */
  @Put(':otherCompanyId')
  set(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('otherCompanyId') otherCompanyId: string,
    @Body() body: SetPreferenceDto,
  ) {
    return this.preferences.set(user, id, otherCompanyId, body.companyId, body.preference);
  }

  /** Clears your company's wish about that participant. */
  @Delete(':otherCompanyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async clear(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('otherCompanyId') otherCompanyId: string,
    @Query() query: ClearPreferenceQuery,
  ): Promise<void> {
    await this.preferences.clear(user, id, otherCompanyId, query.companyId);
  }
}
