import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { CompaniesService } from './companies.service';

/** A session a company takes part in, as its profile page lists it. */
export interface CompanySessionView {
  id: string;
  title: string;
  mode: 'video' | 'in-person';
  status: 'draft' | 'open' | 'scheduled' | 'live' | 'closed';
  startsAt: string;
  endsAt: string;
  timezone: string;
}

/** A delegation a company applied to, as its profile page lists it. */
export interface CompanyDelegationView {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  originCountry: string;
  destinationCountry: string;
  /** The company's application; others' users see accepted ones only. */
  status: 'pending' | 'accepted' | 'rejected' | 'waitlisted' | 'withdrawn';
}

/** `GET /api/companies/:id/activities`. */
export interface CompanyActivitiesView {
  sessions: CompanySessionView[];
  delegations: CompanyDelegationView[];
}

/**
 * What a company takes part in, for its profile page: only what the reader may see elsewhere.
 * Members see no draft session (as `GET /api/sessions`) and, of another company's delegations,
 * only those it was accepted into (as `GET /api/delegations/:id`). Plain SQL over the sessions'
 * and delegations' tables: those modules import this one, not the reverse.
 */
@Injectable()
export class CompanyActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
  ) {}

  async activities(user: AuthUser, companyId: string): Promise<CompanyActivitiesView> {
    // 404 for an unknown company, 403 for one the reader may not see.
    await this.companies.get(user, companyId);
    const organiser = isOrganiser(user);
    const insider = organiser || (await this.companies.speaksFor(user.id, companyId));
    const sessions = await this.dataSource.query<
      (Omit<CompanySessionView, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date })[]
    >(
      `SELECT s.id, s.title, s.mode, s.status, s.timezone,
              s.starts_at AS "startsAt", s.ends_at AS "endsAt"
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
        WHERE p.company_id = $1 AND ($2 OR s.status <> 'draft')
        ORDER BY CASE WHEN s.status = 'closed' THEN 1 ELSE 0 END, s.starts_at, s.id`,
      [companyId, organiser],
    );
    const delegations = await this.dataSource.query<CompanyDelegationView[]>(
      `SELECT d.id, d.title, to_char(d.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(d.ends_on, 'YYYY-MM-DD') AS "endsOn", d.origin_country AS "originCountry",
              d.destination_country AS "destinationCountry", a.status
         FROM delegation_applications a JOIN delegations d ON d.id = a.delegation_id
        WHERE a.company_id = $1 AND ($2 OR a.status = 'accepted')
        ORDER BY d.starts_on, d.id`,
      [companyId, insider],
    );
    return {
      sessions: sessions.map((session) => ({
        ...session,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
      })),
      delegations,
    };
  }
}
