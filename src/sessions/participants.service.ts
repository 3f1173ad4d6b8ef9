import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { paginate, type Page, type PaginationQuery } from '../common/pagination';
import { CompaniesService } from '../companies/companies.service';
import { LiveEmitter } from '../live/live-emitter';
import { ScoringQueue } from '../matching/scoring-queue';
import { normaliseAvailability } from './availability';
import type { JoinSessionDto } from './dto/session.dto';
import { Participant, type AvailabilityWindow } from './participant.entity';
import { sessionCompanyIds } from './session-companies';
import { SessionsService } from './sessions.service';

export interface ParticipantView {
  sessionId: string;
  companyId: string;
  name: string;
  country: string;
  city: string;
  sectors: string[];
  availability: AvailabilityWindow[];
  joinedAt: string;
}

function toParticipantView(participant: Participant): ParticipantView {
  return {
    sessionId: participant.sessionId,
    companyId: participant.companyId,
    name: participant.company.name,
    country: participant.company.country,
    city: participant.company.city,
    sectors: participant.company.sectors,
    availability: participant.availability,
    joinedAt: participant.createdAt.toISOString(),
  };
}

function sideOf(sides: [string[], string[]] | null, country: string): number | null {
  if (!sides) return null;
  if (sides[0].includes(country)) return 0;
  if (sides[1].includes(country)) return 1;
  return -1;
}

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly companies: CompaniesService,
    private readonly scoring: ScoringQueue,
    private readonly live: LiveEmitter,
  ) {}

  /**
   * A verified company joins (or, joining again, updates its availability). Its own users join
   * it while the session is open or scheduled; organisers may also add companies to a draft.
   */
  async join(
    user: AuthUser,
    sessionId: string,
    input: JoinSessionDto,
  ): Promise<{ participant: ParticipantView; created: boolean }> {
    const session = await this.sessions.findVisible(user, sessionId);
    const company = await this.companies.find(input.companyId);
    if (!(await this.companies.canManage(user, company.id))) {
      throw AppError.forbidden(
        'company.not_yours',
        'Only its own users or an organiser may enter this company',
      );
    }
    if (session.status === 'draft' && !isOrganiser(user))
      throw AppError.notFound('session', sessionId);
    this.sessions.assertAllows(session, 'join');
    if (company.status !== 'verified') {
      throw AppError.conflict(
        'company.not_verified',
        'Only verified companies take part; an organiser verifies it first',
      );
    }
    if (sideOf(session.sides, company.country) === -1) {
      throw AppError.conflict(
        'participant.no_side',
        `This session pairs firms of ${session.sides![0].join(', ')} with firms of ${session.sides![1].join(', ')}`,
      );
    }
    const { windows, problems } = normaliseAvailability(input.availability ?? [], session);
    if (Object.keys(problems).length > 0) throw AppError.invalid(problems);

    const { saved, existing } = await this.dataSource.transaction(async (manager) => {
      // Availability is an input of scheduling: ordered with a run's publishing.
      await this.sessions.lockShared(manager, sessionId);
      const repository = manager.getRepository(Participant);
      const existing = await repository.findOneBy({ sessionId, companyId: company.id });
      const saved = await repository.save(
        existing
          ? Object.assign(existing, { availability: windows })
          : repository.create({
              sessionId,
              companyId: company.id,
              availability: windows,
              joinedBy: user.id,
            }),
      );
      return { saved, existing };
    });
    await this.scoring.companyJoined({
      sessionId,
      companyId: company.id,
      stamp: `v${company.version}-${saved.updatedAt.getTime()}`,
    });
    this.live.participantsUpdated(sessionId, await sessionCompanyIds(this.dataSource, sessionId));
    return { participant: toParticipantView({ ...saved, company }), created: !existing };
  }

  async list(
    user: AuthUser,
    sessionId: string,
    query: PaginationQuery,
  ): Promise<Page<ParticipantView>> {
    await this.sessions.findVisible(user, sessionId);
    const builder = this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('participant')
      .innerJoinAndSelect('participant.company', 'company')
      .where('participant.sessionId = :sessionId', { sessionId })
      .orderBy('company.name', 'ASC')
      .addOrderBy('company.id', 'ASC');
    return paginate(builder, query, toParticipantView);
  }
}
