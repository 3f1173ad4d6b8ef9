import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import type { WireSessionFollowUps } from './follow-ups.wire';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('sessions/:id/follow-ups')
export class SessionFollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  /** Organisers: the session's surveys (sent, answered) and each meeting's current outcome. */
  @Roles('organiser')
  @Get()
  status(@UuidParam('id') id: string): Promise<WireSessionFollowUps> {
    return this.followUps.sessionStatus(id);
  }
}
