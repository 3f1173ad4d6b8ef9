import type { ReactNode } from 'react';
import type { Me } from './api';
import { CompanyEditPage } from './pages/company';
import { DelegationFormPage } from './pages/delegation-form';
import { DelegationPage, DelegationsPage, isOrganiserRole } from './pages/delegations';

const ID = '([0-9a-f-]{36})';

/**
 * The pages for editing a company and for delegations (firms and organisers), or null for a path
 * that is not one of them. Kept apart from App.tsx so that its routing stays a short list.
 */
export function firmPage(path: string, account: Me, onAccountChanged: () => void): ReactNode {
  let match: RegExpExecArray | null;
  if ((match = new RegExp(`^/companies/${ID}/edit$`).exec(path)))
    return <CompanyEditPage id={match[1]} onSaved={onAccountChanged} />;
  if (path === '/delegations') return <DelegationsPage user={account.user} />;
  if (path === '/delegations/new' && isOrganiserRole(account.user)) return <DelegationFormPage />;
  if ((match = new RegExp(`^/delegations/${ID}/edit$`).exec(path)) && isOrganiserRole(account.user))
    return <DelegationFormPage key={match[1]} id={match[1]} />;
  if ((match = new RegExp(`^/delegations/${ID}$`).exec(path)))
    return (
      <DelegationPage
        key={match[1]}
        id={match[1]}
        user={account.user}
        companies={account.companies}
      />
    );
  return null;
}
