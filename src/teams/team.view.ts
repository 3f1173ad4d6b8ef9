import type { MemberRole } from '../companies/company-member.entity';

/** One of a company's users, as its users and organisers see them. */
export interface TeamMemberView {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  /** Whether they followed the link sent to their address (organisers look at it). */
  emailVerified: boolean;
}

/** An invitation not yet accepted (its link is only in the email). */
export interface InvitationView {
  id: string;
  companyId: string;
  email: string;
  role: MemberRole;
  expiresAt: string;
  createdAt: string;
}
