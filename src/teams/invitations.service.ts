import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { AccountMail } from '../accounts/account-mail.service';
import { badToken } from '../accounts/account-tokens.service';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { hashSecretToken, newSecretToken } from '../common/secret-token';
import { CompanyMember } from '../companies/company-member.entity';
import { Company } from '../companies/company.entity';
import type { MembershipView } from '../companies/company.view';
import { LiveEmitter } from '../live/live-emitter';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { User } from '../users/user.entity';
import { CompanyInvitation } from './company-invitation.entity';
import type { InviteDto } from './dto/team.dto';
import type { InvitationView } from './team.view';
import { TeamsService } from './teams.service';

/** How long an invitation's link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;

function toInvitationView(invitation: CompanyInvitation): InvitationView {
  return {
    id: invitation.id,
    companyId: invitation.companyId,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}

/** Owners invite colleagues by email; the link's holder, signed in, joins the company. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly mail: AccountMail,
    private readonly limits: RateLimitService,
    private readonly live: LiveEmitter,
  ) {}

  /**
   * Invites an address with a role: one invitation per company and address (inviting again
   * replaces the link and the expiry, seven days); emailed in the same transaction. Owners only;
   * three invitations per address per 15 minutes.
   */
  async invite(actor: AuthUser, companyId: string, input: InviteDto): Promise<InvitationView> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      await this.teams.lockAsOwner(manager, actor, companyId);
      const invitee = await manager.findOneBy(User, { email: input.email });
      if (invitee && (await manager.existsBy(CompanyMember, { companyId, userId: invitee.id }))) {
        throw AppError.conflict('invitation.already_member', 'This person is in the team already');
      }
      await this.limits.consumeAccountEmail('invitation', input.email);
      const company = await manager.findOneByOrFail(Company, { id: companyId });
      const { token, hash } = newSecretToken();
      await manager.delete(CompanyInvitation, { companyId, email: input.email });
      const saved = await manager.save(
        manager.create(CompanyInvitation, {
          companyId,
          email: input.email,
          role: input.role,
          tokenHash: hash,
          invitedBy: actor.id,
          expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
        }),
      );
      await this.mail.send(manager, {
        kind: 'invitation',
        userId: invitee?.id ?? null,
        to: input.email,
        link: `/invitations/accept?token=${encodeURIComponent(token)}`,
        companyName: company.name,
        inviterName: actor.name,
        inviterId: actor.id,
        role: input.role,
      });
      return saved;
    });
    return toInvitationView(invitation);
  }

  /** Invitations not yet accepted nor expired, newest first. Owners only. */
  async pending(actor: AuthUser, companyId: string): Promise<InvitationView[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.teams.lockAsOwner(manager, actor, companyId);
      const invitations = await manager.find(CompanyInvitation, {
        where: { companyId, expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC', id: 'ASC' },
      });
      return invitations.map(toInvitationView);
    });
  }

  /**
   * Withdraws an invitation not yet accepted: its emailed link stops working (accepting it is then
   * the bad-token 400). Owners only; another company's or an unknown invitation is a 404.
   */
  async withdraw(actor: AuthUser, companyId: string, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.teams.lockAsOwner(manager, actor, companyId);
      const result = await manager.delete(CompanyInvitation, { id: invitationId, companyId });
      if (!result.affected) throw AppError.notFound('invitation', invitationId);
    });
  }

  /**
   * The signed-in holder of the link joins the company with the invitation's role (keeping the
   * role they have if they are in it already); the link is used up. Firms' accounts only: an
   * organiser speaks for no company. Following the link proves the invited address: if it is the
   * user's own, it is verified.
   */
  async accept(actor: AuthUser, token: string): Promise<MembershipView> {
    const membership = await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(CompanyInvitation, {
        where: { tokenHash: hashSecretToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.expiresAt.getTime() <= Date.now()) throw badToken();
      if (actor.role !== 'member') {
        throw AppError.forbidden(
          'invitation.members_only',
          'Organisers and admins run events and join no company; sign in with a firm account',
        );
      }
      const companyId = invitation.companyId;
      await manager
        .createQueryBuilder()
        .insert()
        .into(CompanyMember)
        .values({ companyId, userId: actor.id, role: invitation.role })
        .orIgnore()
        .execute();
      await manager.delete(CompanyInvitation, { id: invitation.id });
      if (invitation.email === actor.email) {
        await manager.query(
          'UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL',
          [actor.id],
        );
      }
      const [row] = await manager.query<MembershipView[]>(
        `SELECT c.id AS "companyId", c.name, c.country, c.status, m.role
           FROM company_members m JOIN companies c ON c.id = m.company_id
          WHERE m.company_id = $1 AND m.user_id = $2`,
        [companyId, actor.id],
      );
      return row;
    });
    this.live.joinCompany(actor.id, membership.companyId);
    return membership;
  }
}
