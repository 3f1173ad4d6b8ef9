import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, type FieldErrors } from './app-error';

/** Flattens class-validator's tree into `{ 'availability[0].from': ['must be ...'] }`. */
export function collectFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    if (error.constraints) {
      fields[path] = Object.values(error.constraints).map((message) =>
        message.startsWith(`${error.property} `)
          ? message.slice(error.property.length + 1)
          : message,
      );
    }
    Object.assign(fields, collectFieldErrors(error.children ?? [], path));
  }
  return fields;
}

/**
 * The one global pipe: strips nothing silently (unknown fields are refused), converts types,
 * and reports every offending field in one 400.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.invalid(collectFieldErrors(errors)),
  });
}
