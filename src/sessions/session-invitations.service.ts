import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { badToken } from '../accounts/account-tokens.service';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { hashSecretToken, newSecretToken } from '../common/secret-token';
import { CompaniesService } from '../companies/companies.service';
import { ScoringQueue } from '../matching/scoring-queue';
import type { Language } from '../notifications/notification.wire';
import { NotificationsService } from '../notifications/notifications.service';
import { message } from '../notifications/render/render-notice';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { DEFAULT_SETTINGS } from '../users/settings.service';
import { User } from '../users/user.entity';
import type { InviteToSessionDto } from './dto/session.dto';
import { Participant } from './participant.entity';
import { allows } from './session-lifecycle';
import { SessionInvitation } from './session-invitation.entity';
import { MatchmakingSession } from './session.entity';
import { SessionsService } from './sessions.service';

/** How long a session invitation's link works: long enough to register and be verified. */
export const SESSION_INVITATION_LIFETIME_MS = 14 * 24 * 3600_000;

export interface SessionInvitationView {
  id: string;
  sessionId: string;
  email: string;
  companyName: string;
  /** The link was followed by a signed-in firm user. */
  claimed: boolean;
  /** The company that joined through it, if one did. */
  companyId: string | null;
  expiresAt: string;
  createdAt: string;
}

/** `POST /api/session-invitations/accept`: the session, and the company that joined (if yet). */
export interface AcceptedSessionInvitationView {
  sessionId: string;
  sessionTitle: string;
  /** Null until one of the user's companies is verified (it joins then by itself). */
  companyId: string | null;
}

function toView(invitation: SessionInvitation): SessionInvitationView {
  return {
    id: invitation.id,
    sessionId: invitation.sessionId,
    email: invitation.email,
    companyName: invitation.companyName,
    claimed: invitation.claimedBy !== null,
    companyId: invitation.companyId,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}

/**
 * Organisers invite firms by email to register and take part in a session. The emailed link leads
 * to sign-up (or sign-in); following it, the firm's user claims the invitation, and the first of
 * their companies to be verified joins the session: at once if one is, or when an organiser
 * verifies the company they register (CompaniesService's verified hook).
 */
@Injectable()
export class SessionInvitationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly scoring: ScoringQueue,
  ) {}

  onModuleInit(): void {
    this.companies.onVerified((companyId) => this.companyVerified(companyId));
  }

  /**
   * Invites an address to a session that participants may still join; inviting it again replaces
   * the link. The email is written in the same transaction, in the language of the address's
   * account or else the organiser's. Three per address per 15 minutes.
   */
  async invite(
    actor: AuthUser,
    sessionId: string,
    input: InviteToSessionDto,
  ): Promise<SessionInvitationView> {
    const invitation = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, sessionId);
      this.sessions.assertAllows(session, 'join');
      const invitee = await manager.findOneBy(User, { email: input.email });
      if (invitee && (await this.takesPart(manager, sessionId, invitee.id))) {
        throw AppError.conflict(
          'session_invitation.already_participant',
          'A company of this person takes part in the session already',
        );
      }
      await this.limits.consumeAccountEmail('session-invitation', input.email);
      const { token, hash } = newSecretToken();
      await manager.delete(SessionInvitation, { sessionId, email: input.email });
      const saved = await manager.save(
        manager.create(SessionInvitation, {
          sessionId,
          email: input.email,
          companyName: input.companyName ?? '',
          tokenHash: hash,
          invitedBy: actor.id,
          expiresAt: new Date(Date.now() + SESSION_INVITATION_LIFETIME_MS),
        }),
      );
      const language = await languageOf(manager, invitee?.id ?? actor.id);
      await this.notifications.notifyAddress(manager, {
        kind: 'invitation',
        words: 'session.invitation',
        to: input.email,
        userId: invitee?.id ?? null,
        name: invitee?.name ?? (input.companyName || input.email),
        language,
        params: {
          inviter: actor.name,
          company: input.companyName || input.email,
          session: session.title,
          startsAt: { at: session.startsAt.toISOString(), otherZone: session.timezone },
        },
        link: `/session-invitations/accept?token=${encodeURIComponent(token)}`,
        why: message(language, 'email.whyInvitedToSession', {
          inviter: actor.name,
          email: input.email,
        }),
      });
      return saved;
    });
    return toView(invitation);
  }

  /** A session's invitations, newest first (organisers). */
  async list(user: AuthUser, sessionId: string): Promise<SessionInvitationView[]> {
    await this.sessions.findVisible(user, sessionId);
    const invitations = await this.dataSource.getRepository(SessionInvitation).find({
      where: { sessionId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return invitations.map(toView);
  }

  /**
   * The signed-in holder of the link claims the invitation (firm accounts only); if one of their
   * companies is verified, it joins the session now. Following the link proves the invited
   * address: if it is the user's own, it is verified. A bad or expired token is the 400 of links.
   */
  async accept(actor: AuthUser, token: string): Promise<AcceptedSessionInvitationView> {
    const result = await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(SessionInvitation, {
        where: { tokenHash: hashSecretToken(token), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || (invitation.claimedBy && invitation.claimedBy !== actor.id))
        throw badToken();
      if (actor.role !== 'member') {
        throw AppError.forbidden(
          'invitation.members_only',
          'Organisers and admins run events and join no company; sign in with a firm account',
        );
      }
      invitation.claimedBy = actor.id;
      if (invitation.email === actor.email) {
        await manager.query(
          'UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL',
          [actor.id],
        );
      }
      const session = await manager.findOneByOrFail(MatchmakingSession, {
        id: invitation.sessionId,
      });
      const joined = invitation.companyId
        ? null
        : await this.joinFirstVerified(manager, invitation);
      invitation.companyId ??= joined?.companyId ?? null;
      await manager.save(invitation);
      return { session, joined, companyId: invitation.companyId };
    });
    if (result.joined) await this.scoring.companyJoined(result.joined);
    return {
      sessionId: result.session.id,
      sessionTitle: result.session.title,
      companyId: result.companyId,
    };
  }

  /**
   * A company was verified: the sessions its users were invited to (claimed, none joined yet) take
   * it now. Runs after the verification committed; a failure is logged, not the verification's.
   */
  async companyVerified(companyId: string): Promise<void> {
    const joins = await this.dataSource.transaction(async (manager) => {
      const invitations = await manager
        .createQueryBuilder(SessionInvitation, 'invitation')
        .innerJoin(
          'company_members',
          'member',
          'member.user_id = invitation.claimedBy AND member.company_id = :companyId',
          { companyId },
        )
        .where('invitation.companyId IS NULL')
        .setLock('pessimistic_write', undefined, ['invitation'])
        .getMany();
      const done: { sessionId: string; companyId: string; stamp: string }[] = [];
      for (const invitation of invitations) {
        const joined = await this.joinFirstVerified(manager, invitation);
        if (!joined) continue;
        invitation.companyId = joined.companyId;
        await manager.save(invitation);
        done.push(joined);
      }
      return done;
    });
    for (const join of joins) await this.scoring.companyJoined(join);
  }

  /**
   * Adds the first verified company of the invitation's claimer that fits the session (its sides)
   * to it, if participants may still join; null when none does (yet).
   */
  private async joinFirstVerified(
    manager: EntityManager,
    invitation: SessionInvitation,
  ): Promise<{ sessionId: string; companyId: string; stamp: string } | null> {
    const session = await manager.findOneByOrFail(MatchmakingSession, {
      id: invitation.sessionId,
    });
    if (!allows(session.status, 'join') || !invitation.claimedBy) return null;
    const companies = await manager.query<{ id: string; country: string; version: number }[]>(
      `SELECT c.id, c.country, c.version FROM companies c
         JOIN company_members m ON m.company_id = c.id AND m.user_id = $1
        WHERE c.status = 'verified' ORDER BY c.created_at, c.id`,
      [invitation.claimedBy],
    );
    const company = companies.find(
      (candidate) =>
        !session.sides || session.sides.some((side) => side.includes(candidate.country)),
    );
    if (!company) return null;
    await manager.query('SELECT id FROM sessions WHERE id = $1 FOR SHARE', [session.id]);
    await manager
      .createQueryBuilder()
      .insert()
      .into(Participant)
      .values({
        sessionId: session.id,
        companyId: company.id,
        availability: [],
        joinedBy: invitation.claimedBy,
      })
      .orIgnore()
      .execute();
    return {
      sessionId: session.id,
      companyId: company.id,
      stamp: `v${company.version}-invited-${invitation.id}`,
    };
  }

  private async takesPart(
    manager: EntityManager,
    sessionId: string,
    userId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM session_participants p
         JOIN company_members m ON m.company_id = p.company_id AND m.user_id = $2
        WHERE p.session_id = $1 LIMIT 1`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }
}

/** A user's language (their setting, or the default). */
async function languageOf(manager: EntityManager, userId: string): Promise<Language> {
  const [row] = await manager.query<{ language: Language | null }[]>(
    'SELECT language FROM user_settings WHERE user_id = $1',
    [userId],
  );
  return row?.language ?? DEFAULT_SETTINGS.language;
}
