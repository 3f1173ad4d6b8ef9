import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional, trimOrEmpty } from '../../common/validators';

export class CreateRequestDto {
  /** Your company (you must be one of its users). */
  @ApiProperty()
  @IsUUID('all', { message: 'fromCompanyId must be a UUID' })
  fromCompanyId: string;

  /** The firm you would like to meet. */
  @ApiProperty()
  @IsUUID('all', { message: 'toCompanyId must be a UUID' })
  toCompanyId: string;

  @ApiPropertyOptional({
    example: 'We would like to discuss distribution of our NFC terminals in Ontario.',
    nullable: true,
    type: String,
  })
  @Transform(trimOrEmpty)
  @Optional({ nullable: true })
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class AnswerRequestDto {
  /** The receiver accepts or declines; the sender cancels. */
  @ApiProperty({ enum: ['accepted', 'declined', 'cancelled'] })
  @IsIn(['accepted', 'declined', 'cancelled'], {
    message: 'status must be accepted, declined or cancelled',
  })
  status: 'accepted' | 'declined' | 'cancelled';
}

export class ListRequestsQuery {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;
}
