import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimString } from '../../common/validators';

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
  })
  @Transform(trimString)
  @IsOptional()
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
