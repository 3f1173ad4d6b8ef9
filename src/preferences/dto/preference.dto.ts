import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { MEETING_PREFERENCES, type MeetingPreference } from '../preference.wire';

/** `PUT /api/sessions/:id/preferences/:otherCompanyId`. */
export class SetPreferenceDto {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  @ApiProperty({ enum: MEETING_PREFERENCES })
  @IsIn(MEETING_PREFERENCES, {
    message: `preference must be one of: ${MEETING_PREFERENCES.join(', ')}`,
  })
  preference: MeetingPreference;
}

/** `DELETE /api/sessions/:id/preferences/:otherCompanyId?companyId=`. */
export class ClearPreferenceQuery {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}
