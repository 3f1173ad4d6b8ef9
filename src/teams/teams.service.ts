import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompanyMember, type MemberRole } from '../companies/company-member.entity';
import { Company } from '../companies/company.entity';
import { LiveEmitter } from '../live/live-emitter';
import type { TeamMemberView } from './team.view';

interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  emailVerified: boolean;
}

const MEMBERS_SQL = `
  SELECT m.user_id AS "userId", u.name, u.email, m.role,
         u.email_verified_at IS NOT NULL AS "emailVerified"
    FROM company_members m JOIN users u ON u.id = m.user_id
   WHERE m.company_id = $1`;

function lastOwner(): AppError {
  return AppError.conflict(
    'company.last_owner',
    'A company keeps at least one owner: make another member owner first',
  );
}

/**
 * A company's team: its users with their roles. Every member may do what the company's users do;
 * managing the team is the owners' (a member may leave). A company always keeps one owner: each
 * change locks the company's row, so that two owners stepping down at once cannot both pass.
 */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
  ) {}

  /** The company's users, owners first; for its users and organisers. */
  async members(user: AuthUser, companyId: string): Promise<TeamMemberView[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Company, { id: companyId }))) {
      throw AppError.notFound('company', companyId);
    }
    if (!isOrganiser(user) && !(await roleIn(manager, companyId, user.id))) {
      throw AppError.forbidden('company.not_yours', "Only the company's users may see its team");
    }
    return manager.query<MemberRow[]>(
      `${MEMBERS_SQL} ORDER BY m.role = 'owner' DESC, u.name, u.email`,
      [companyId],
    );
  }

  /** Makes a member owner (transfers ownership) or an owner member again. Owners only. */
  async changeRole(
    actor: AuthUser,
    companyId: string,
    userId: string,
    role: MemberRole,
  ): Promise<TeamMemberView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockAsOwner(manager, actor, companyId);
      const current = await roleIn(manager, companyId, userId);
      if (!current) throw AppError.notFound('company_member', userId);
      if (current === 'owner' && role !== 'owner' && (await ownerCount(manager, companyId)) < 2) {
        throw lastOwner();
      }
      await manager.update(CompanyMember, { companyId, userId }, { role });
      const [member] = await manager.query<MemberRow[]>(`${MEMBERS_SQL} AND m.user_id = $2`, [
        companyId,
        userId,
      ]);
      return member;
    });
  }

  /**
   * Removes a user from the company: owners remove anyone, a member removes themself (leaves).
   * They lose access at once (every check reads the membership), and their open live connections
   * leave the company's room and the rooms of the sessions they were in only through it.
   */
  async remove(actor: AuthUser, companyId: string, userId: string): Promise<void> {
    const lostSessions = await this.dataSource.transaction(async (manager) => {
      await lockCompany(manager, companyId);
      const actorRole = await roleIn(manager, companyId, actor.id);
      if (actorRole !== 'owner' && !(actorRole && actor.id === userId)) throw ownersOnly();
      const current = await roleIn(manager, companyId, userId);
      if (!current) throw AppError.notFound('company_member', userId);
      if (current === 'owner' && (await ownerCount(manager, companyId)) < 2) throw lastOwner();
      await manager.delete(CompanyMember, { companyId, userId });
      return sessionsLost(manager, companyId, userId);
    });
    this.live.leaveCompany(userId, companyId);
    this.live.leaveSessions(userId, lostSessions);
  }

  /** Locks the company's row (404 if there is none) and checks the actor is one of its owners. */
  async lockAsOwner(manager: EntityManager, actor: AuthUser, companyId: string): Promise<void> {
    await lockCompany(manager, companyId);
    if ((await roleIn(manager, companyId, actor.id)) !== 'owner') throw ownersOnly();
  }
}

function ownersOnly(): AppError {
  return AppError.forbidden('company.owner_required', "Only the company's owners manage its team");
}

async function lockCompany(manager: EntityManager, companyId: string): Promise<void> {
  const rows = await manager.query<unknown[]>('SELECT id FROM companies WHERE id = $1 FOR UPDATE', [
    companyId,
  ]);
  if (rows.length === 0) throw AppError.notFound('company', companyId);
}

async function roleIn(
  manager: EntityManager,
  companyId: string,
  userId: string,
): Promise<MemberRole | null> {
  const member = await manager.findOneBy(CompanyMember, { companyId, userId });
  return member?.role ?? null;
}

/**
 * The sessions the company takes part in that the user, no longer in it, has no part in now: no
 * other company of theirs takes part, and they are no organiser (who may be in any session).
 */
async function sessionsLost(
  manager: EntityManager,
  companyId: string,
  userId: string,
): Promise<string[]> {
  const rows = await manager.query<{ sessionId: string }[]>(
    `SELECT p.session_id AS "sessionId"
       FROM session_participants p
      WHERE p.company_id = $1
        AND NOT EXISTS (SELECT 1 FROM users u
                         WHERE u.id = $2 AND u.role IN ('organiser', 'admin'))
        AND NOT EXISTS (SELECT 1
                          FROM session_participants q
                          JOIN company_members m ON m.company_id = q.company_id
                         WHERE q.session_id = p.session_id AND m.user_id = $2)`,
    [companyId, userId],
  );
  return rows.map((row) => row.sessionId);
}

function ownerCount(manager: EntityManager, companyId: string): Promise<number> {
  return manager.countBy(CompanyMember, { companyId, role: 'owner' });
}
