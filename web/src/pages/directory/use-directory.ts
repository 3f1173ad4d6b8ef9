import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';
import { directoryQuery, type DirectoryFilters } from './filters';

/**
 * The directory, read on as the reader scrolls: the first page by `page=1`, each further one after
 * the previous page's cursor (`after`), so the thousandth firm costs the server what the first does.
 */
export function useDirectory(filters: DirectoryFilters) {
  const first = directoryQuery(filters, 1);
  return useInfiniteQuery({
    queryKey: keys.companyList(JSON.stringify(first)),
    initialPageParam: null as { after: string; page: number } | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/companies', {
          params: {
            query: pageParam
              ? { ...directoryQuery(filters, pageParam.page), after: pageParam.after }
              : first,
          },
        }),
      ),
    getNextPageParam: (last) =>
      last.nextCursor ? { after: last.nextCursor, page: last.page + 1 } : undefined,
  });
}
