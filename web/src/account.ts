import { createContext, useContext } from 'react';
import type { Me } from './api';

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
