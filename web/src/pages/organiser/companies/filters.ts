import type { operations } from '../../../api/schema';

/** What the directory is filtered by, as typed in the form. */
export interface Filters {
  q: string;
  country: string;
  sector: string;
  status: string;
}

export const PAGE_SIZE = 20;

type ListQuery = NonNullable<operations['CompaniesController_list']['parameters']['query']>;

/** The list's query: the page and every filter that is not blank (the API checks the values). */
export function listQuery(filters: Filters, page: number): ListQuery {
  const query: Record<string, string> = {};
  for (const key of Object.keys(filters) as (keyof Filters)[]) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(query as Omit<ListQuery, 'page' | 'pageSize'>),
  };
}
