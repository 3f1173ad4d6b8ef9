import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, storedToken, type Me } from './api';
import { call } from './api/call';
import { client } from './api/client';
import { keys } from './queries';

/** The signed-in account, or null when signed out (no token, or the API refused it). */
async function fetchAccount(): Promise<Me | null> {
  if (!storedToken()) return null;
  try {
    return await call(client.GET('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * `GET /api/auth/me` as a query. It is loaded again only when told (signing in, registering a
 * company); without a token it is known at once to be signed out, so sign-in shows without a wait.
 */
export const accountQuery = () =>
  queryOptions({
    queryKey: keys.account,
    queryFn: fetchAccount,
    staleTime: Infinity,
    initialData: () => (storedToken() ? undefined : null),
  });

export function useAccountQuery() {
  return useQuery(accountQuery());
}

/**
 * Signed out (by the user, or a refused token): the account is null and nothing else loaded for it
 * stays in the cache, so nothing is shown to the next account.
 */
export function clearAccount(queryClient: QueryClient): void {
  queryClient.setQueryData(keys.account, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.account[0] });
}

/** The signed-in account (user and companies) and a way to load it again after a change. */
export interface AccountState {
  me: Me;
  reload: () => void;
}

export const AccountContext = createContext<AccountState | null>(null);

/** The signed-in account: only pages under the signed-in shell call it. */
export function useAccount(): AccountState {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount outside the signed-in app');
  return account;
}

/** Loads the account again, keeping what is shown until it is there. */
export function useReloadAccount(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.account });
}
