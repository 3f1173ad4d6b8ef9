import type { ErrorCode, NotFoundSubject } from './error-codes.wire';
import type { WireFieldRules } from './field-rules.wire';

/** What went wrong, in the terms of SPEC.md; the global filter maps each kind to its HTTP status. */
export type ErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'unavailable';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  unavailable: 503,
};

/** Offending fields of a bad request: each field path with what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

/**
 * What a 409 names beside its code, for clients to word it: the meeting, firm, slot or table in
 * the way (`{meetingId, companyId, slotIndex, table}`).
 */
export type ErrorDetails = Record<string, string | number>;

/** The most fields one 400 names. */
export const MAX_FIELD_ERRORS = 50;

/**
 * A domain error: services throw it with a stable machine-readable `code` (e.g.
 * `company.not_found`) and a sentence for people; the exception filter renders it.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
    /** The rules each field of `fields` broke (a 400), for clients to word. */
    readonly rules?: WireFieldRules,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: NotFoundSubject, id?: string): AppError {
    const name = what.replace(/_/g, ' ');
    return new AppError(
      'not-found',
      `${what}.not_found`,
      id ? `No ${name} with id ${id}` : `No such ${name}`,
    );
  }

  static forbidden(code: ErrorCode, message: string): AppError {
    return new AppError('forbidden', code, message);
  }

  static conflict(code: ErrorCode, message: string, details?: ErrorDetails): AppError {
    return new AppError('conflict', code, message, undefined, undefined, undefined, details);
  }

  /** What was there once and is no more (an expired link): 410. */
  static gone(code: ErrorCode, message: string): AppError {
    return new AppError('gone', code, message);
  }

  /**
   * A 400 naming the offending fields: at most `MAX_FIELD_ERRORS` of them, so that a body of
   * 10,000 bad items is not answered with megabytes of errors (the message says how many more).
   * Each field shown has its rules (`rules`), `invalid` when the caller names none: clients then
   * show the field's English message.
   */
  static invalid(fields: FieldErrors, rules: WireFieldRules = {}): AppError {
    const entries = Object.entries(fields);
    const shown = entries.slice(0, MAX_FIELD_ERRORS);
    const more = entries.length - shown.length;
    const message =
      shown.map(([field, problems]) => `${field}: ${problems.join('; ')}`).join('. ') +
      (more > 0 ? `. And ${more} more ${more === 1 ? 'field' : 'fields'}` : '');
    return new AppError(
      'bad-request',
      'validation_failed',
      `Invalid input. ${message}`,
      Object.fromEntries(shown),
      undefined,
      Object.fromEntries(
        shown.map(([field]) => [
          field,
          rules[field]?.length ? rules[field] : [{ rule: 'invalid' }],
        ]),
      ),
    );
  }
}
