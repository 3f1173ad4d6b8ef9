import type { operations } from '../../api/schema';

/** What the board is filtered by, as chosen in the form ('' for any). */
export interface BoardFilters {
  q: string;
  kind: string;
  sector: string;
  country: string;
}

/** The board as the address says: the filters, the page and the company it is ranked for. */
export interface BoardState {
  filters: BoardFilters;
  page: number;
  /** The company the board is ranked for ('' when none: an organiser, a firm not yet verified). */
  companyId: string;
}

const FILTER_NAMES = ['q', 'kind', 'sector', 'country'] as const;

export const PAGE_SIZE = 20;

export type BoardQuery = NonNullable<
  operations['OpportunitiesController_list']['parameters']['query']
>;

/**
 * The board's state from the address (`?q=&kind=&sector=&country=&page=&companyId=`), so that a
 * search can be shared, bookmarked and gone back to; the company is one of `companyIds` (the
 * reader's verified companies), the first when the address names none of them.
 */
export function boardState(params: URLSearchParams, companyIds: string[]): BoardState {
  const filters = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, params.get(name) ?? '']),
  ) as unknown as BoardFilters;
  const page = Number(params.get('page'));
  const asked = params.get('companyId') ?? '';
  return {
    filters,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    companyId: companyIds.includes(asked) ? asked : (companyIds[0] ?? ''),
  };
}

/** The address of a board state: only what is set (the first page and company are the default). */
export function boardParams(state: BoardState, companyIds: string[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = state.filters[name].trim();
    if (value) params.set(name, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  if (state.companyId && state.companyId !== companyIds[0])
    params.set('companyId', state.companyId);
  return params;
}

/** The list's query: the page, the company to rank for and the filters set (the API checks them). */
export function boardQuery({ filters, page, companyId }: BoardState): BoardQuery {
  const query: Record<string, string | number> = { page, pageSize: PAGE_SIZE };
  if (companyId) query.companyId = companyId;
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  return query;
}
