import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { download } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';
import type { BoardQuery } from './filters';
import type { OpportunityInterest } from './types';

/** A page of the open posts, ranked for `companyId` when the query has one. */
export function useBoard(query: BoardQuery) {
  return useQuery({
    queryKey: keys.opportunityList(JSON.stringify(query)),
    queryFn: () => call(client.GET('/api/opportunities', { params: { query } })),
    // Another page or filter keeps the list on screen until the new one is there.
    placeholderData: keepPreviousData,
  });
}

/**
 * One post; with `companyId`, whether that company has shown interest and how well it fits
 * (mount it again, keyed by `id`, for another post).
 */
export function useOpportunity(id: string, companyId = '', enabled = true) {
  return useQuery({
    enabled,
    queryKey: keys.opportunity(id, companyId),
    queryFn: () =>
      call(
        client.GET('/api/opportunities/{id}', {
          params: { path: { id }, query: companyId ? { companyId } : {} },
        }),
      ),
    // Another company chosen keeps the post on screen until it is there as that company sees it.
    placeholderData: keepPreviousData,
  });
}

/** The companies that showed interest in a post: for its poster and organisers. */
export function useInterests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.opportunityInterests(id),
    // The route answers JSON, or CSV when asked for it (useInterestsCsv): this is the JSON.
    queryFn: async () =>
      (await call(
        client.GET('/api/opportunities/{id}/interest', { params: { path: { id } } }),
      )) as OpportunityInterest[],
    enabled,
  });
}

/** Expresses a company's interest: a message to the posting firm, or a registration. */
export function useExpressInterest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { companyId: string; message: string }) =>
      call(client.POST('/api/opportunities/{id}/interest', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.opportunityOf(id) }),
  });
}

/** Deletes a post, then back to the board, which loads afresh. */
export function useDeleteOpportunity(id: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(client.DELETE('/api/opportunities/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.opportunities });
      void navigate('/opportunities');
    },
  });
}

/** The interest list as a CSV file (organisers). */
export function useInterestsCsv(id: string) {
  return useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/opportunities/{id}/interest', {
          params: { path: { id }, query: { format: 'csv' } },
          parseAs: 'blob',
        }),
        `opportunity-interest-${id.slice(0, 8)}.csv`,
      ),
  });
}
