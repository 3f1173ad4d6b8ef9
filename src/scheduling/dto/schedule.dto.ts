import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { OptionalBody } from '../../common/validation';
import { Optional } from '../../common/validators';

/** Options of a scheduling run; the body may be left out (a run that publishes). */
@OptionalBody()
export class StartScheduleDto {
  /** Make a draft to review (`GET .../schedule/draft`) instead of publishing. */
  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'draft must be true or false' })
  draft?: boolean;
}

export class PublishDraftDto {
  /** The draft reviewed: a newer draft is not published in its place. */
  @ApiProperty()
  @IsUUID('all', { message: 'draftId must be a UUID' })
  draftId: string;
}
