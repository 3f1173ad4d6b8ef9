import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Match } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import type { operations } from '../../api/schema';
import { keys } from '../../queries';

type MatchesParams = NonNullable<operations['MatchingController_matches']['parameters']['query']>;
/** A firm's wish about meeting another: the three marks. */
export type MeetingPreference = NonNullable<Match['preference']>;
export const MEETING_PREFERENCES: readonly MeetingPreference[] = [
  'must-meet',
  'interested',
  'not-interested',
];

/** What the firm narrows its matches to ('' for any), and the page it looks at. */
export interface MatchFilters {
  country: string;
  sector: string;
  preference: '' | NonNullable<MatchesParams['preference']>;
  includeHidden: boolean;
  page: number;
}

export const FIRST_PAGE: MatchFilters = {
  country: '',
  sector: '',
  preference: '',
  includeHidden: false,
  page: 1,
};

export const MATCHES_PAGE_SIZE = 20;

/** The query of a page of matches: only the filters set. */
function matchesQuery(companyId: string, filters: MatchFilters): MatchesParams {
  return {
    companyId,
    page: filters.page,
    pageSize: MATCHES_PAGE_SIZE,
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.sector ? { sector: filters.sector as MatchesParams['sector'] } : {}),
    ...(filters.preference ? { preference: filters.preference } : {}),
    ...(filters.includeHidden ? { includeHidden: 'true' as const } : {}),
  };
}

/**
 * A page of the company's ranked matches, filtered; null while the company has not joined (the
 * API answers 404 `participant.not_found`). Every page sits under `keys.matches`, which live
 * events (`matches.updated`, `preference.updated`) and marking a firm make stale.
 */
export function useMatches(sessionId: string, companyId: string, filters: MatchFilters) {
  return useQuery({
    queryKey: [...keys.matches(sessionId, companyId), filters],
    queryFn: () =>
      call(
        client.GET('/api/sessions/{id}/matches', {
          params: { path: { id: sessionId }, query: matchesQuery(companyId, filters) },
        }),
      ).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'participant.not_found') return null;
        throw error;
      }),
    // Another page or filter keeps the list on screen until the new one is there.
    placeholderData: keepPreviousData,
  });
}

/** Marks (or, with null, unmarks) another firm for the company; its matches load again. */
export function useSetPreference(sessionId: string, companyId: string, otherCompanyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: MeetingPreference | null) =>
      preference === null
        ? call(
            client.DELETE('/api/sessions/{id}/preferences/{otherCompanyId}', {
              params: { path: { id: sessionId, otherCompanyId }, query: { companyId } },
            }),
          )
        : call(
            client.PUT('/api/sessions/{id}/preferences/{otherCompanyId}', {
              params: { path: { id: sessionId, otherCompanyId } },
              body: { companyId, preference },
            }),
          ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: keys.matches(sessionId, companyId) }),
  });
}
