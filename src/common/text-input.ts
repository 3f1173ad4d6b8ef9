import type { FieldErrors } from './app-error';

/** Deeper than any input of this API goes; the reserved-key walk refuses such input anyway. */
const MAX_DEPTH = 32;

export const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';
export const SURROGATE_MESSAGE =
  'must not contain an unpaired surrogate (a broken character that is not valid Unicode)';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text (PostgreSQL refuses NUL; UTF-8 cannot hold a lone surrogate). */
export function textProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes('\u0000')) problems.push(NUL_MESSAGE);
  if (LONE_SURROGATE.test(text)) problems.push(SURROGATE_MESSAGE);
  return problems;
}

/**
 * Every string in a client's input (a body, a query, a path parameter, a socket message, a CSV
 * row), at any depth and also in keys, that holds a NUL byte or a lone surrogate, by path as
 * `collectFieldErrors` names fields: `{ 'offers[0]': ['must not contain a NUL character (U+0000)'] }`.
 * Such text was a 500 ("invalid byte sequence for encoding UTF8", a URIError) wherever it reached
 * the database or an encoder; this one check stands before every DTO, so none has to repeat it.
 */
export function textInputErrors(value: unknown, parent = '', depth = 0): FieldErrors {
  if (typeof value === 'string') {
    const problems = textProblems(value);
    return problems.length > 0 ? { [parent || 'body']: problems } : {};
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return {};
  const fields: FieldErrors = {};
  for (const key of Object.keys(value)) {
    const path = Array.isArray(value) ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
    const keyProblems = textProblems(key);
    if (keyProblems.length > 0) {
      fields[path] = keyProblems.map((problem) => `has a name that ${problem}`);
      continue;
    }
    Object.assign(
      fields,
      textInputErrors((value as Record<string, unknown>)[key], path, depth + 1),
    );
  }
  return fields;
}
