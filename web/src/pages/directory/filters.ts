import type { operations } from '../../api/schema';

/** What the firms' directory is filtered by, as chosen in the form. */
export interface DirectoryFilters {
  q: string;
  country: string;
  sector: string;
  partnerType: string;
  targetMarket: string;
}

export const NO_FILTERS: DirectoryFilters = {
  q: '',
  country: '',
  sector: '',
  partnerType: '',
  targetMarket: '',
};

export const PAGE_SIZE = 20;

type ListQuery = NonNullable<operations['CompaniesController_list']['parameters']['query']>;

/** The list's query: the page and every filter that is not blank (the API checks the values). */
export function directoryQuery(filters: DirectoryFilters, page: number): ListQuery {
  const query: Record<string, string> = {};
  for (const key of Object.keys(filters) as (keyof DirectoryFilters)[]) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  return { page, pageSize: PAGE_SIZE, ...(query as Omit<ListQuery, 'page' | 'pageSize'>) };
}
