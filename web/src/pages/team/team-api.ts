import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { client } from '../../api/client';
import { keys } from '../../queries';

export type TeamMember = components['schemas']['TeamMemberView'];
export type Invitation = components['schemas']['InvitationView'];
export type MemberRole = TeamMember['role'];

const path = (id: string) => ({ params: { path: { id } } });

export function useMembers(companyId: string) {
  return useQuery({
    queryKey: keys.members(companyId),
    queryFn: async () => (await client.GET('/api/companies/{id}/members', path(companyId))).data!,
  });
}

/** Pending invitations: owners only (`enabled` says whether the viewer is one). */
export function useInvitations(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.invitations(companyId),
    enabled,
    queryFn: async () =>
      (await client.GET('/api/companies/{id}/invitations', path(companyId))).data!,
  });
}

export function useCompanyName(companyId: string) {
  return useQuery({
    queryKey: keys.company(companyId),
    queryFn: async () => (await client.GET('/api/companies/{id}', path(companyId))).data!,
    select: (company) => company.name,
  });
}

export function useInvite(companyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; role: MemberRole }) =>
      (await client.POST('/api/companies/{id}/invitations', { ...path(companyId), body })).data!,
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.invitations(companyId) }),
  });
}

/** Withdraws a pending invitation: its emailed link stops working. */
export function useWithdrawInvitation(companyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) => {
      await client.DELETE('/api/companies/{id}/invitations/{invitationId}', {
        params: { path: { id: companyId, invitationId } },
      });
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.invitations(companyId) }),
  });
}

export function useChangeRole(companyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: MemberRole }) =>
      (
        await client.PATCH('/api/companies/{id}/members/{userId}', {
          params: { path: { id: companyId, userId } },
          body: { role },
        })
      ).data!,
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.members(companyId) }),
  });
}

export function useRemoveMember(companyId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      await client.DELETE('/api/companies/{id}/members/{userId}', {
        params: { path: { id: companyId, userId } },
      });
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.members(companyId) }),
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async (token: string) =>
      (await client.POST('/api/invitations/accept', { body: { token } })).data!,
  });
}
