import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';
import { Optional, trimOrEmpty } from './validators';

/** The most an organiser's reason for a decision may hold. */
export const MAX_REASON_LENGTH = 1000;

/**
 * An organiser's optional reason for a decision (rejecting a company or an application), sent to
 * the firm with it: text up to 1,000 characters, trimmed; `null` or '' is no reason.
 */
export function ReasonText(example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, type: String, maxLength: MAX_REASON_LENGTH }),
    Transform(trimOrEmpty),
    Optional({ nullable: true }),
    IsString({ message: 'reason must be text' }),
    MaxLength(MAX_REASON_LENGTH, {
      message: `reason must be at most ${MAX_REASON_LENGTH} characters`,
    }),
  );
}
