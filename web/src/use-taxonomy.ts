import { useQuery } from '@tanstack/react-query';
import { call } from './api/call';
import { client } from './api/client';
import { keys } from './queries';

/** Sectors and partnership kinds (`GET /api/taxonomy`), loaded once for every form that lists them. */
export function useTaxonomy() {
  return useQuery({
    queryKey: keys.taxonomy,
    queryFn: () => call(client.GET('/api/taxonomy')),
  });
}
