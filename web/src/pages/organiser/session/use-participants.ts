import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';

/** A window of availability, as ISO instants. */
export interface Window {
  from: string;
  to: string;
}

/** After any change of the participants: the session's count and its participant pages. */
function useRefresh(sessionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.session(sessionId) });
}

/** An organiser adds a verified company of the directory to the session. */
export function useAddParticipant(sessionId: string) {
  const refresh = useRefresh(sessionId);
  return useMutation({
    mutationFn: (companyId: string) =>
      call(
        client.POST('/api/sessions/{id}/participants', {
          params: { path: { id: sessionId } },
          body: { companyId },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Replaces a participant's availability (none: the whole session). */
export function useUpdateAvailability(sessionId: string, companyId: string) {
  const refresh = useRefresh(sessionId);
  return useMutation({
    mutationFn: (availability: Window[]) =>
      call(
        client.PATCH('/api/sessions/{id}/participants/{companyId}', {
          params: { path: { id: sessionId, companyId } },
          body: { availability },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Takes a company out of the session, with its requests not yet met. */
export function useRemoveParticipant(sessionId: string, companyId: string) {
  const refresh = useRefresh(sessionId);
  return useMutation({
    mutationFn: () =>
      call(
        client.DELETE('/api/sessions/{id}/participants/{companyId}', {
          params: { path: { id: sessionId, companyId } },
        }),
      ),
    onSuccess: refresh,
  });
}

const invitationsKey = (sessionId: string) => [...keys.session(sessionId), 'invitations'] as const;

/** The session's invitations by email, newest first. */
export function useSessionInvitations(sessionId: string) {
  return useQuery({
    queryKey: invitationsKey(sessionId),
    queryFn: () =>
      call(client.GET('/api/sessions/{id}/invitations', { params: { path: { id: sessionId } } })),
  });
}

/** Emails a firm an invitation to register and take part. */
export function useInviteFirm(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; companyName?: string }) =>
      call(
        client.POST('/api/sessions/{id}/invitations', {
          params: { path: { id: sessionId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(sessionId) }),
  });
}

/** Verified companies of the directory whose name or profile matches `q` (10 at most). */
export function useDirectorySearch(q: string) {
  return useQuery({
    queryKey: keys.companyList(`participant-search:${q}`),
    enabled: q.trim().length >= 2,
    queryFn: () =>
      call(
        client.GET('/api/companies', {
          params: { query: { q: q.trim(), status: 'verified', page: 1, pageSize: 10 } },
        }),
      ),
  });
}
