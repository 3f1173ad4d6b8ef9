import {
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ChatMessagePage, Conversation, Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';

/** How many messages a thread loads at a time ("Earlier messages" loads as many again). */
export const THREAD_PAGE = 30;
/** The longest message (SPEC "Firms": 1–2,000 characters). */
export { MESSAGE_MAX_LENGTH as MESSAGE_MAX } from '../../../../src/conversations/conversation.wire';

/** The companies of the user that may write: the verified ones. */
export function speakingCompanies(companies: Membership[]): Membership[] {
  return companies.filter((company) => company.status === 'verified');
}

const listQuery = (companyId: string) => ({
  queryKey: keys.conversationList(companyId),
  queryFn: () =>
    call(client.GET('/api/conversations', { params: { query: { companyId } } })) as Promise<
      Conversation[]
    >,
});

/** One company's conversations, the latest first. */
export function useConversations(companyId: string) {
  return useQuery({ ...listQuery(companyId), enabled: companyId !== '' });
}

/**
 * Every conversation of each of the user's companies: the header's unread count, and where an
 * open conversation is found whichever company speaks in it.
 */
export function useAllConversations(companies: Membership[]) {
  return useQueries({
    queries: speakingCompanies(companies).map((company) => listQuery(company.companyId)),
    combine: (results) => ({
      byCompany: new Map(
        speakingCompanies(companies).map((company, index) => [
          company.companyId,
          results[index].data ?? [],
        ]),
      ),
      unread: results.reduce(
        (sum, result) => sum + (result.data ?? []).reduce((total, item) => total + item.unread, 0),
        0,
      ),
    }),
  });
}

/** A thread's history, newest page first; each further page is older (`before` its cursor). */
export function useThread(conversationId: string) {
  return useInfiniteQuery({
    queryKey: keys.thread(conversationId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/conversations/{id}/messages', {
          params: {
            path: { id: conversationId },
            query: { limit: THREAD_PAGE, ...(pageParam ? { before: pageParam } : {}) },
          },
        }),
      ) as Promise<ChatMessagePage>,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}

/** Marks the conversation read for the company; the lists and the header follow. */
export function useMarkRead(conversationId: string, companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/conversations/{id}/read', {
          params: { path: { id: conversationId } },
          body: { companyId },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.conversations }),
  });
}

/**
 * Sends a message: into the conversation when there is one, else starts the pair's conversation
 * (`POST /api/conversations`) and answers its id.
 */
export function useSendMessage(target: {
  conversationId?: string;
  fromCompanyId: string;
  toCompanyId: string;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string): Promise<string> => {
      if (target.conversationId) {
        await call(
          client.POST('/api/conversations/{id}/messages', {
            params: { path: { id: target.conversationId } },
            body: { companyId: target.fromCompanyId, text },
          }),
        );
        return target.conversationId;
      }
      const started = await call(
        client.POST('/api/conversations', {
          body: { fromCompanyId: target.fromCompanyId, toCompanyId: target.toCompanyId, text },
        }),
      );
      return started.conversation.id;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.conversations }),
  });
}
