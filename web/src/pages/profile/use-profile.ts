import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';

/** A company's profile (a verified one, or the reader's own). */
export function useCompany(id: string) {
  return useQuery({
    queryKey: keys.company(id),
    queryFn: () => call(client.GET('/api/companies/{id}', { params: { path: { id } } })),
  });
}

/** The sessions and delegations a company takes part in that the reader may see. */
export function useActivities(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.companyActivities(id),
    queryFn: () => call(client.GET('/api/companies/{id}/activities', { params: { path: { id } } })),
    enabled,
  });
}
