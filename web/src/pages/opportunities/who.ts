import type { Membership, User } from '../../api';
import { isOrganiserRole } from '../delegations/types';

/** The reader's verified companies: those the board ranks for, that post and show interest. */
export function verifiedCompanies(companies: Membership[]): Membership[] {
  return companies.filter((company) => company.status === 'verified');
}

/** Organisers (and admins) post projects and market information; firms, once verified, the rest. */
export function canPost(user: User, companies: Membership[]): boolean {
  return isOrganiserRole(user) || verifiedCompanies(companies).length > 0;
}
