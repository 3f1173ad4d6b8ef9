import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
} from 'class-validator';
import { CursorPaginationQuery } from '../../common/keyset';
import { Optional } from '../../common/validators';

/** `GET /api/notifications?unread=&page=&pageSize=&after=`. */
export class ListNotificationsQuery extends CursorPaginationQuery {
  /** `true`: unread ones only. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}

/** `{ids}` (up to 100 of the caller's own) or `{all: true}`. */
export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], example: ['2f0c1c52-5d0e-4a7b-9d43-3f5b6f1b6a10'] })
  @ValidateIf((body: MarkReadDto) => body.all === undefined || body.ids !== undefined)
  @IsArray({ message: 'ids must be a list of notification ids (or send {"all": true})' })
  @ArrayMinSize(1, { message: 'ids must name at least one notification' })
  @ArrayMaxSize(100, { message: 'ids may name at most 100 notifications' })
  @IsUUID('all', { each: true, message: 'ids must each be a notification id' })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true] })
  @ValidateIf((body: MarkReadDto) => body.all !== undefined || body.ids === undefined)
  @Equals(true, { message: 'all must be true (or send {"ids": [...]})' })
  all?: true;
}

/** `?key=` of an unsubscribe link. */
export class UnsubscribeQuery {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'key must be the key of an unsubscribe link' })
  @Matches(/^[0-9a-f-]{36}\.\d{1,2}\.[A-Za-z0-9_-]{32}$/, {
    message: 'key must be the key of an unsubscribe link',
  })
  key: string;
}
