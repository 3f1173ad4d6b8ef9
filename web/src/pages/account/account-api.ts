import { useMutation } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, storeToken, type User } from '../../api';
import { client } from '../../api/client';
import { useFieldErrors } from '../../form-errors';
import type { Language, MessageKey } from '../../i18n';

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
  /** Shows the app in this language (the settings saved a new one). */
  setLanguage: (language: Language) => void;
}

export const ShellContext = createContext<ShellActions>({
  signedIn: () => undefined,
  reload: () => undefined,
  setLanguage: () => undefined,
});

export function useShell(): ShellActions {
  return useContext(ShellContext);
}

/** What to do about each field of the account forms the server refused, in words for people. */
const FIELD_MESSAGES: Partial<Record<string, MessageKey>> = {
  email: 'account.error.email',
  password: 'account.error.password',
  newPassword: 'account.error.password',
  currentPassword: 'account.error.currentPassword',
  token: 'error.auth.token_invalid_link',
};

/**
 * The account forms' refused fields, each with one sentence in the reader's language: the
 * field's own sentence (what to do), the words of the rules it broke for any other field.
 */
export function useAccountFieldErrors(error: unknown): Record<string, string[]> {
  const wrongPassword = error instanceof ApiError && error.code === 'auth.wrong_password';
  return useFieldErrors(error, {
    overrides: wrongPassword
      ? { ...FIELD_MESSAGES, currentPassword: 'error.auth.wrong_password' }
      : FIELD_MESSAGES,
  });
}
