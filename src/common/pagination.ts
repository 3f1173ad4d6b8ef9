import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from './validators';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The last page anyone may ask for: 10 million rows in, at 100 a page; a bigger one was a 500. */
export const MAX_PAGE = 100_000;

/** `?page=&pageSize=` of every paginated list. */
export class PaginationQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @Type(() => Number)
  @Optional()
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize = 20;
}

/** A page of a list: `{items, total, page, pageSize}`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Runs `builder` for one page (its order must be total) and maps the rows to their views. */
export async function paginate<Entity extends ObjectLiteral, View>(
  builder: SelectQueryBuilder<Entity>,
  query: PaginationQuery,
  view: (row: Entity) => View,
): Promise<Page<View>> {
  const [rows, total] = await builder
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return { items: rows.map(view), total, page: query.page, pageSize: query.pageSize };
}
