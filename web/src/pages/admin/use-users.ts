import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';

export type AccountRole = 'admin' | 'organiser' | 'member';

/** What the admins' list of accounts is filtered by. */
export interface UserFilters {
  q: string;
  role: AccountRole | '';
  disabled: 'true' | 'false' | '';
  page: number;
}

const usersKey = ['users'] as const;

/** Accounts, newest first, 20 a page (admins only). */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...usersKey, 'list', filters] as const,
    placeholderData: (previous) => previous,
    queryFn: () =>
      call(
        client.GET('/api/users', {
          params: {
            query: {
              page: filters.page,
              pageSize: 20,
              ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
              ...(filters.role ? { role: filters.role } : {}),
              ...(filters.disabled ? { disabled: filters.disabled } : {}),
            },
          },
        }),
      ),
  });
}

/** Creates an organiser (or admin) account. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      email: string;
      name: string;
      password: string;
      role: 'organiser' | 'admin';
    }) => call(client.POST('/api/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Disables an account (its sessions end at once) or enables it again. */
export function useSetDisabled(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (disabled: boolean) =>
      call(
        client.PATCH('/api/users/{id}', {
          params: { path: { id: userId } },
          body: { disabled },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
