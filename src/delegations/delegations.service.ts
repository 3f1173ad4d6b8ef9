import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Brackets, DataSource, type EntityManager, type Repository } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { paginate, type Page } from '../common/pagination';
import { COMPANIES_OF_USER_SQL } from '../companies/company-member.entity';
import { DelegationApplication } from './delegation-application.entity';
import { Delegation } from './delegation.entity';
import { fitsDelegationDays } from './delegation-time';
import {
  toApplicationView,
  toDelegationView,
  toItineraryItemView,
  type DelegationDetailView,
  type DelegationView,
  type ItineraryItemView,
  type SeatCounts,
} from './delegation.view';
import {
  MAX_DELEGATION_DAYS,
  type CreateDelegationDto,
  type CreateItineraryItemDto,
  type ListDelegationsQuery,
  type UpdateDelegationDto,
} from './dto/delegation.dto';
import { buildCalendar } from '../common/calendar';
import { ItineraryItem } from './itinerary-item.entity';
import { checkActivityLink, linkAfterChange } from '../partners/activity-link';
import type { Partner } from '../partners/partner.entity';

const NO_SEATS_TAKEN: SeatCounts = { accepted: 0, waitlisted: 0 };

/** Items an itinerary may hold: a few a day over the longest trip. */
export const MAX_ITINERARY_ITEMS = 300;

function checkDateOrder(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw AppError.invalid(
      { endsOn: ['must be on or after startsOn'] },
      { endsOn: [{ rule: 'notBefore', params: { field: 'startsOn' } }] },
    );
  }
  const days = DateTime.fromISO(endsOn).diff(DateTime.fromISO(startsOn), 'days').days + 1;
  if (days > MAX_DELEGATION_DAYS) {
    throw AppError.invalid(
      {
        endsOn: [
          `must be within ${MAX_DELEGATION_DAYS} days of the first day: a delegation lasts at most ${MAX_DELEGATION_DAYS} days`,
        ],
      },
      {
        endsOn: [{ rule: 'withinDays', params: { field: 'startsOn', days: MAX_DELEGATION_DAYS } }],
      },
    );
  }
}

/** Delegations and their itineraries. Applications live in DelegationApplicationsService. */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Delegation) private readonly delegations: Repository<Delegation>,
    @InjectRepository(ItineraryItem) private readonly items: Repository<ItineraryItem>,
    @InjectRepository(DelegationApplication)
    private readonly applications: Repository<DelegationApplication>,
  ) {}

  async create(user: AuthUser, input: CreateDelegationDto): Promise<DelegationView> {
    checkDateOrder(input.startsOn, input.endsOn);
    const link = await checkActivityLink(
      this.dataSource.manager,
      input.partnerId,
      input.agreementId,
    );
    const delegation = await this.delegations.save(
      this.delegations.create({
        ...input,
        partnerId: link.partnerId,
        agreementId: link.agreementId,
        description: input.description ?? '',
        createdBy: user.id,
      }),
    );
    delegation.partner = link.partner as Partner | null;
    return toDelegationView(delegation, NO_SEATS_TAKEN);
  }

  async list(query: ListDelegationsQuery): Promise<Page<DelegationView>> {
    const builder = this.delegations
      .createQueryBuilder('delegation')
      .leftJoinAndSelect('delegation.partner', 'partner');
    if (query.direction)
      builder.andWhere('delegation.direction = :direction', { direction: query.direction });
    if (query.country) {
      builder.andWhere(
        new Brackets((either) =>
          either
            .where('delegation.originCountry = :country')
            .orWhere('delegation.destinationCountry = :country'),
        ),
        { country: query.country },
      );
    }
    // "Today" is the date where each delegation takes place.
    const today = '(now() AT TIME ZONE delegation.timezone)::date';
    if (query.when === 'upcoming') builder.andWhere(`delegation.ends_on >= ${today}`);
    if (query.when === 'past') builder.andWhere(`delegation.ends_on < ${today}`);
    builder
      .orderBy('delegation.startsOn', query.when === 'past' ? 'DESC' : 'ASC')
      .addOrderBy('delegation.id', 'ASC');
    const page = await paginate(builder, query, (row) => row);
    const counts = await this.seatCounts(page.items.map((row) => row.id));
    return {
      ...page,
      items: page.items.map((row) => toDelegationView(row, counts.get(row.id) ?? NO_SEATS_TAKEN)),
    };
  }

  /** With the itinerary and the applications the caller may see. */
  async get(user: AuthUser, id: string): Promise<DelegationDetailView> {
    const delegation = await this.find(id);
    const [items, applications] = await Promise.all([
      this.items.find({ where: { delegationId: id }, order: { startsAt: 'ASC', id: 'ASC' } }),
      this.visibleApplications(user, id),
    ]);
    const counts = await this.seatCounts([id]);
    return {
      ...toDelegationView(delegation, counts.get(id) ?? NO_SEATS_TAKEN),
      itinerary: items.map((item) => toItineraryItemView(item, delegation.timezone)),
      applications: applications.map(toApplicationView),
    };
  }

  /**
   * Edits a delegation under a lock on its row, so that no accept slips past a lowered capacity;
   * the itinerary must still fit the (new) dates and zone.
   */
  async update(id: string, changes: UpdateDelegationDto): Promise<DelegationView> {
    return this.dataSource.transaction(async (manager) => {
      const delegation = await this.lock(manager, id);
      const { partnerId, agreementId, ...fields } = changes;
      const linked = linkAfterChange(delegation, { partnerId, agreementId });
      const link = await checkActivityLink(manager, linked.partnerId, linked.agreementId);
      Object.assign(delegation, fields);
      delegation.partnerId = link.partnerId;
      delegation.agreementId = link.agreementId;
      checkDateOrder(delegation.startsOn, delegation.endsOn);
      const accepted = await manager.countBy(DelegationApplication, {
        delegationId: id,
        status: 'accepted',
      });
      if (delegation.capacity < accepted) {
        throw AppError.conflict(
          'delegation.capacity_below_accepted',
          `${accepted} companies are already accepted; capacity cannot go below that`,
        );
      }
      const outside = (await manager.findBy(ItineraryItem, { delegationId: id })).filter(
        (item) => !fitsDelegationDays(item, delegation),
      );
      if (outside.length > 0) {
        throw AppError.conflict(
          'delegation.itinerary_outside',
          `These itinerary items would fall outside the new dates: ${outside.map((item) => item.title).join(', ')}`,
        );
      }
      const waitlisted = await manager.countBy(DelegationApplication, {
        delegationId: id,
        status: 'waitlisted',
      });
      const saved = await manager.save(delegation);
      saved.partner = link.partner as Partner | null;
      return toDelegationView(saved, { accepted, waitlisted });
    });
  }

  /** Under the delegation's row lock, so that two adds cannot pass the bound on the count. */
  async addItem(id: string, input: CreateItineraryItemDto): Promise<ItineraryItemView> {
    return this.dataSource.transaction(async (manager) => {
      const delegation = await this.lock(manager, id);
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      if (endsAt <= startsAt) {
        throw AppError.invalid(
          { endsAt: ['must be after startsAt'] },
          { endsAt: [{ rule: 'after', params: { field: 'startsAt' } }] },
        );
      }
      if (!fitsDelegationDays({ startsAt, endsAt }, delegation)) {
        throw AppError.invalid(
          {
            startsAt: [
              `must lie within the delegation's days, ${delegation.startsOn} to ${delegation.endsOn} in ${delegation.timezone}`,
            ],
          },
          {
            startsAt: [
              {
                rule: 'withinDates',
                params: { first: delegation.startsOn, last: delegation.endsOn },
              },
            ],
          },
        );
      }
      if ((await manager.countBy(ItineraryItem, { delegationId: id })) >= MAX_ITINERARY_ITEMS) {
        throw AppError.conflict(
          'delegation.itinerary_full',
          `An itinerary holds at most ${MAX_ITINERARY_ITEMS} items; remove one first`,
        );
      }
      const item = await manager.save(
        manager.create(ItineraryItem, {
          delegationId: id,
          kind: input.kind,
          title: input.title,
          location: input.location ?? '',
          startsAt,
          endsAt,
        }),
      );
      return toItineraryItemView(item, delegation.timezone);
    });
  }

  async removeItem(id: string, itemId: string): Promise<void> {
    await this.find(id);
    const result = await this.items.delete({ id: itemId, delegationId: id });
    if (!result.affected) throw AppError.notFound('itinerary_item', itemId);
  }

  /** The itinerary as an iCalendar feed. */
  async calendar(id: string): Promise<{ filename: string; body: string }> {
    const delegation = await this.find(id);
    const items = await this.items.find({
      where: { delegationId: id },
      order: { startsAt: 'ASC' },
    });
    const body = buildCalendar(
      {
        name: delegation.title,
        description: `${delegation.city}, ${delegation.startsOn} to ${delegation.endsOn}. Leader: ${delegation.leader}`,
        timezone: delegation.timezone,
        uidDomain: 'trade-match',
      },
      items,
    );
    return { filename: `delegation-${delegation.id}.ics`, body };
  }

  /** Organisers see every application; others see accepted ones and their own companies'. */
  private visibleApplications(
    user: AuthUser,
    delegationId: string,
  ): Promise<DelegationApplication[]> {
    const builder = this.applications
      .createQueryBuilder('application')
      .innerJoinAndSelect('application.company', 'company')
      .where('application.delegationId = :delegationId', { delegationId })
      .orderBy('application.createdAt', 'ASC')
      .addOrderBy('application.id', 'ASC');
    if (!isOrganiser(user)) {
      builder.andWhere(
        new Brackets((visible) =>
          visible
            .where("application.status = 'accepted'")
            .orWhere(`application.company_id IN (${COMPANIES_OF_USER_SQL})`, { userId: user.id }),
        ),
      );
    }
    return builder.getMany();
  }

  /** Accepted and waitlisted applications per delegation (absent: none of either). */
  private async seatCounts(ids: string[]): Promise<Map<string, SeatCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.applications
      .createQueryBuilder('application')
      .select('application.delegationId', 'id')
      .addSelect("count(*) FILTER (WHERE application.status = 'accepted')::int", 'accepted')
      .addSelect("count(*) FILTER (WHERE application.status = 'waitlisted')::int", 'waitlisted')
      .where('application.delegationId IN (:...ids)', { ids })
      .andWhere("application.status IN ('accepted', 'waitlisted')")
      .groupBy('application.delegationId')
      .getRawMany<{ id: string; accepted: number; waitlisted: number }>();
    return new Map(
      rows.map((row) => [row.id, { accepted: row.accepted, waitlisted: row.waitlisted }]),
    );
  }

  async find(id: string): Promise<Delegation> {
    const delegation = await this.delegations.findOne({
      where: { id },
      relations: { partner: true },
    });
    if (!delegation) throw AppError.notFound('delegation', id);
    return delegation;
  }

  /** The delegation row, locked until the transaction ends: accepts on it run one at a time. */
  async lock(manager: EntityManager, id: string): Promise<Delegation> {
    const delegation = await manager.findOne(Delegation, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!delegation) throw AppError.notFound('delegation', id);
    return delegation;
  }
}
