import {
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { AppError, type FieldErrors } from './app-error';
import { rulesOfError } from './field-rules';
import type { WireFieldRules } from './field-rules.wire';
import { textInputErrors } from './text-input';

/** Keys that name a JavaScript object's internals: class-transformer trips over them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any input of this API goes; refused rather than walked. */
const MAX_DEPTH = 32;

/**
 * Fields of a client's input whose key is reserved (`constructor`, `__proto__`, `prototype`), at
 * any depth, or that nest too deeply: `{ 'sessionId.constructor': ['is not an allowed key'] }`.
 * Such keys have no meaning here and crashed class-transformer (a 500) before they were refused.
 */
export function reservedKeyErrors(value: unknown, parent = '', depth = 0): FieldErrors {
  if (typeof value !== 'object' || value === null) return {};
  if (depth > MAX_DEPTH) return { [parent || 'body']: [`nests deeper than ${MAX_DEPTH} levels`] };
  const fields: FieldErrors = {};
  for (const key of Object.keys(value)) {
    const path = Array.isArray(value) ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
    if (RESERVED_KEYS.has(key)) fields[path] = ['is not an allowed key'];
    else
      Object.assign(
        fields,
        reservedKeyErrors((value as Record<string, unknown>)[key], path, depth + 1),
      );
  }
  return fields;
}

/**
 * Refuses a client's input, whatever its shape, with a reserved key anywhere or text that cannot
 * be stored (a NUL byte, a lone surrogate): a 400 naming every such field.
 */
export function assertCleanInput(value: unknown, name = ''): void {
  const reserved = reservedKeyErrors(value, name);
  const unstorable = textInputErrors(value, name);
  const fields = { ...reserved, ...unstorable };
  if (Object.keys(fields).length === 0) return;
  throw AppError.invalid(fields, {
    ...Object.fromEntries(Object.keys(reserved).map((path) => [path, [{ rule: 'notAllowed' }]])),
    ...storableTextRules(unstorable),
  });
}

/** The rule of each field `textInputErrors` names: text that cannot be stored. */
export function storableTextRules(fields: FieldErrors): WireFieldRules {
  return Object.fromEntries(Object.keys(fields).map((path) => [path, [{ rule: 'storableText' }]]));
}

/** A JSON body a DTO reads must be an object: not an array, a string, a number or null. */
export function assertObjectBody(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw AppError.invalid({ body: ['must be an object'] }, { body: [{ rule: 'isObject' }] });
  }
  assertCleanInput(value);
}

const PRIMITIVE_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/** DTOs whose body may be left out altogether (read as `{}`); see `OptionalBody`. */
const OPTIONAL_BODIES = new WeakSet<object>();

/**
 * Marks a DTO of only optional fields whose body a client may leave out altogether, as callers
 * of a route that took no body before it took options do (`POST .../schedule`, `{draft?}`).
 */
export function OptionalBody(): ClassDecorator {
  return (target) => {
    OPTIONAL_BODIES.add(target);
  };
}

/**
 * The global pipe, which first refuses bodies that are no object, and reserved keys and text that
 * cannot be stored (NUL, lone surrogates) anywhere in a body, a query or a path parameter. The one
 * body that is no DTO, the CSV of `POST /api/companies/import`, is checked cell by cell instead, so
 * that a bad cell refuses its row only.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.metatype !== undefined && !PRIMITIVE_TYPES.has(metadata.metatype);
    if (
      isDto &&
      metadata.type === 'body' &&
      value === undefined &&
      OPTIONAL_BODIES.has(metadata.metatype as object)
    ) {
      value = {};
    }
    if (isDto && metadata.type === 'body') assertObjectBody(value);
    else if (isDto || metadata.type === 'query' || metadata.type === 'param') {
      // A single parameter (`@Param('id')`, `@Query('q')`) is named by its name.
      assertCleanInput(value, metadata.data ?? '');
    }
    return super.transform(value, metadata);
  }
}

/** A field refused, in English (`fields`) and as rules with their parameters (`rules`). */
export interface FieldProblems {
  fields: FieldErrors;
  rules: WireFieldRules;
}

/**
 * Flattens class-validator's tree into `{ 'availability[0].from': ['must be ...'] }` with the
 * rules broken, `{ 'availability[0].from': [{rule: 'isDateTime'}] }`. When the errors carry values
 * (`validationError.value`), a field that is missing says `is required`; with their objects
 * (`validationError.target`), the rules carry their parameters (`{rule: 'max', params: {max: 1}}`).
 */
export function collectFieldProblems(
  errors: ValidationError[],
  parent = '',
  problems: FieldProblems = { fields: {}, rules: {} },
): FieldProblems {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    if (
      error.constraints &&
      'value' in error &&
      (error.value === undefined || error.value === null)
    ) {
      // Missing, or null where a value is needed (on a PATCH, a field that cannot be emptied):
      // whichever rule ran first ("must be shorter than 254 characters") would mislead.
      problems.fields[path] = ['is required'];
      problems.rules[path] = [{ rule: 'required' }];
    } else if (error.constraints) {
      problems.fields[path] = Object.values(error.constraints).map((message) =>
        message.startsWith(`${error.property} `)
          ? message.slice(error.property.length + 1)
          : message,
      );
      problems.rules[path] = rulesOfError(error);
    }
    collectFieldProblems(error.children ?? [], path, problems);
  }
  return problems;
}

/** The English messages of `collectFieldProblems`, by field. */
export function collectFieldErrors(errors: ValidationError[]): FieldErrors {
  return collectFieldProblems(errors).fields;
}

/** A 400 naming every field of class-validator's errors, with its messages and rules. */
export function invalidInput(errors: ValidationError[]): AppError {
  const { fields, rules } = collectFieldProblems(errors);
  return AppError.invalid(fields, rules);
}

/**
 * The one global pipe: strips nothing silently (unknown fields are refused), converts types,
 * and reports every offending field in one 400. A body must be a JSON object, and no key anywhere
 * may be `constructor`, `__proto__` or `prototype`.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    // Values let a missing field be told apart, and objects give the rules' parameters (from the
    // decorators of their class); only messages and rules reach the client.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => invalidInput(errors),
  });
}
