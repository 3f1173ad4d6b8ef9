import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, isUUID } from 'class-validator';
import { AppError } from './app-error';
import { PaginationQuery, type Page } from './pagination';
import { Optional } from './validators';

/**
 * Keyset ("cursor") pagination for the lists people scroll. `?after=` carries the sort key of the
 * last row a client holds, so the next page starts from an index position instead of reading and
 * discarding every row before it (an `OFFSET` of 50,000 reads 50,000 rows). The cursor is opaque
 * to clients: base64url of `[list, ...sort key]`, checked on the way back in.
 */
export class CursorPaginationQuery extends PaginationQuery {
  /**
   * The `nextCursor` of the previous page: the rows after it. With a cursor, `page` only counts
   * the pages the client has read (echoed back), it moves nothing.
   */
  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: 'after must be the nextCursor of a previous page' })
  @MaxLength(1000, { message: 'after must be the nextCursor of a previous page' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be the nextCursor of a previous page' })
  after?: string;
}

/** A page of a list that scrolls: `total` may be an estimate, `nextCursor` reads on. */
export interface KeysetPage<T> extends Page<T> {
  /** True when `total` is the planner's estimate (a list past `EXACT_TOTAL_UP_TO`, 1,000, rows). */
  totalIsEstimate: boolean;
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** What a sort key holds: text, a number (a score or a rank), a UUID, or an instant as text. */
export type KeyPart = 'text' | 'number' | 'uuid' | 'instant';
type ValueOf<P extends KeyPart> = P extends 'number' ? number : string;
export type KeyValues<P extends readonly KeyPart[]> = { [I in keyof P]: ValueOf<P[I]> };

export function encodeCursor(list: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...values])).toString('base64url');
}

function badCursor(): AppError {
  return AppError.invalid({
    after: ['must be the nextCursor of a previous page of this list (start again from page 1)'],
  });
}

function fits(part: KeyPart, value: unknown): boolean {
  switch (part) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'uuid':
      return typeof value === 'string' && isUUID(value, 'all');
    case 'instant':
      return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
    case 'text':
      return typeof value === 'string' && value.length <= 500;
  }
}

/**
 * The sort key a cursor of `list` carries, checked part by part; anything else (another list's
 * cursor, a cursor of the same list sorted otherwise, or noise) is a 400 naming `after`.
 */
export function decodeCursor<const P extends readonly KeyPart[]>(
  raw: string,
  list: string,
  parts: P,
): KeyValues<P> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== parts.length + 1 ||
    decoded[0] !== list ||
    !parts.every((part, index) => fits(part, decoded[index + 1]))
  ) {
    throw badCursor();
  }
  return decoded.slice(1) as KeyValues<P>;
}

/** Where a page starts: an offset (`page`) or after a sort key (`after`). */
export type PageStart<K> = { offset: number } | { after: K };

/**
 * The page's rows out of `limit + 1` fetched (one more tells whether another page follows) and
 * the cursor of the next page.
 */
export function cutPage<Row>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => string,
): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return {
    rows: page,
    nextCursor: rows.length > limit && page.length > 0 ? cursorOf(page[page.length - 1]) : null,
  };
}
