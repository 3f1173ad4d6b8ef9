import { useMutation } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { storeToken, type User } from '../../api';
import { client } from '../../api/client';

/**
 * The account's calls, through the typed client. A password change or reset answers a new token
 * (every older one is refused from then on): it is stored at once.
 */
export function useRequestReset() {
  return useMutation({
    mutationFn: async (email: string) => {
      await client.POST('/api/auth/password-reset', { body: { email } });
    },
  });
}

export function useConfirmReset() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => {
      const { data } = await client.POST('/api/auth/password-reset/confirm', { body });
      storeToken(data!.accessToken);
      return data!.user;
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      const { data } = await client.POST('/api/auth/password', { body });
      storeToken(data!.accessToken);
      return data!.user;
    },
  });
}

export function useRequestEmailChange() {
  return useMutation({
    mutationFn: async (body: { email: string; currentPassword: string }) => {
      await client.POST('/api/auth/email', { body });
    },
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: async () => {
      await client.POST('/api/auth/email-verification');
    },
  });
}

/** Follows a verification link, or the link sent to a new address (`change`). */
export function useConfirmEmail() {
  return useMutation({
    mutationFn: async ({ token, change }: { token: string; change: boolean }) => {
      const { data } = change
        ? await client.POST('/api/auth/email/confirm', { body: { token } })
        : await client.POST('/api/auth/email-verification/confirm', { body: { token } });
      return data!.user;
    },
  });
}

/**
 * What the shell hands to pages that work signed out too (the links of emails): how to tell it a
 * user signed in, and where to go next.
 */
export interface ShellActions {
  signedIn: (user: User, next?: string) => void;
  /** Loads the signed-in account again (after its address changed). */
  reload: () => void;
}

export const ShellContext = createContext<ShellActions>({
  signedIn: () => undefined,
  reload: () => undefined,
});

export function useShell(): ShellActions {
  return useContext(ShellContext);
}
