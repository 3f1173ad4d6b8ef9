import { QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBox, Loading } from './ui';

/**
 * The app's cache of server state. No retries: a failed load shows its error with a retry
 * button; live events (`live-sync.ts`) and mutations mark what changed as stale. Sessions,
 * delegations, companies and the opportunities board also change in ways no live event tells
 * everyone (a session opened that the firm is not in, a seat taken by another firm, a company
 * registered, a post on the board, an agreement added by another organiser): they load again when the window regains focus. The rest (the account, settings, notifications) does not.
 */
export function makeQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  for (const key of [
    keys.sessions,
    keys.delegations,
    keys.companies,
    keys.opportunities,
    keys.seminars,
    keys.partners,
  ])
    queryClient.setQueryDefaults(key, { refetchOnWindowFocus: true });
  return queryClient;
}

/** A query key per resource; invalidating a key marks everything under it stale. */
export const keys = {
  account: ['account'] as const,
  sessions: ['sessions'] as const,
  sessionList: (params: string) => ['sessions', 'list', params] as const,
  session: (id: string) => ['sessions', id] as const,
  board: (id: string) => ['sessions', id, 'board'] as const,
  draft: (id: string) => ['sessions', id, 'board', 'draft'] as const,
  participants: (id: string, page: number) => ['sessions', id, 'participants', page] as const,
  matches: (id: string, companyId: string) => ['sessions', id, 'matches', companyId] as const,
  requests: (id: string, companyId: string) => ['sessions', id, 'requests', companyId] as const,
  agenda: (id: string, companyId: string) => ['sessions', id, 'agenda', companyId] as const,
  companies: ['companies'] as const,
  companyList: (params: string) => ['companies', 'list', params] as const,
  company: (id: string) => ['companies', id] as const,
  companyActivities: (id: string) => ['companies', id, 'activities'] as const,
  pendingCompanies: ['companies', 'pending'] as const,
  taxonomy: ['taxonomy'] as const,
  delegations: ['delegations'] as const,
  delegationList: (params: string) => ['delegations', 'list', params] as const,
  delegation: (id: string) => ['delegations', id] as const,
  report: (id: string) => ['sessions', id, 'report'] as const,
  /** The programme report, every filter of it under one key. */
  programme: ['programme'] as const,
  programmeReport: (year: number | null, partnerId: string | null) =>
    ['programme', 'report', year, partnerId] as const,
  job: (id: string) => ['jobs', id] as const,
  notifications: ['notifications'] as const,
  notificationList: (params: string) => ['notifications', 'list', params] as const,
  unreadCount: ['notifications', 'unread'] as const,
  settings: ['settings'] as const,
  members: (id: string) => ['companies', id, 'members'] as const,
  invitations: (id: string) => ['companies', id, 'invitations'] as const,
  partners: ['partners'] as const,
  partnerList: ['partners', 'list'] as const,
  partner: (id: string) => ['partners', id] as const,
  partnerActivities: (id: string, year: number | null) =>
    ['partners', id, 'activities', year] as const,
  opportunities: ['opportunities'] as const,
  opportunityList: (params: string) => ['opportunities', 'list', params] as const,
  /** Everything cached about one post: it, as each company sees it, and its interest list. */
  opportunityOf: (id: string) => ['opportunities', id] as const,
  opportunity: (id: string, companyId: string) => ['opportunities', id, 'as', companyId] as const,
  opportunityInterests: (id: string) => ['opportunities', id, 'interests'] as const,
  /** Seminars: the lists, each seminar, its registrations (organisers). */
  seminars: ['seminars'] as const,
  seminarList: (params: string) => ['seminars', 'list', params] as const,
  seminar: (id: string) => ['seminars', id] as const,
  seminarRegistrations: (id: string) => ['seminars', id, 'registrations'] as const,
  /** Messages between companies: every list and thread under one key, which live events mark. */
  conversations: ['conversations'] as const,
  conversationList: (companyId: string) => ['conversations', 'list', companyId] as const,
  thread: (conversationId: string) => ['conversations', 'thread', conversationId] as const,
};

/**
 * Shows a query's first load and its error (with a retry), and the children once there is data;
 * a refetch keeps showing the data it has (no flicker, open forms stay) unless it fails.
 */
export function QueryLoaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (value: T) => ReactNode;
}) {
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  return <>{children(query.data)}</>;
}
