import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import type { Page } from '../common/pagination';
import { LiveEmitter } from '../live/live-emitter';
import { Partner } from '../partners/partner.entity';
import { checkActivityLink, linkAfterChange } from '../partners/activity-link';
import type { CreateSeminarDto, ListSeminarsQuery, UpdateSeminarDto } from './dto/seminar.dto';
import { SeminarReminders } from './seminar-reminders.service';
import { SeminarSeats } from './seminar-seats.service';
import { SeminarRegistration } from './seminar-registration.entity';
import { Seminar } from './seminar.entity';
import { NO_SEATS_TAKEN, toSeminarView, type SeatCounts } from './seminar.view';
import type { WireSeminar } from './seminars.wire';

function checkWindow(startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt) {
    throw AppError.invalid(
      { endsAt: ['must be after startsAt'] },
      { endsAt: [{ rule: 'after', params: { field: 'startsAt' } }] },
    );
  }
}

/** Seminars themselves. Registrations and check-in live in SeminarRegistrationsService. */
@Injectable()
export class SeminarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: SeminarReminders,
    private readonly seats: SeminarSeats,
    private readonly live: LiveEmitter,
  ) {}

  /**
   * Tells the organisers and every company registered for the seminar that its seats changed,
   * once the change is committed (a lost event only means a page refreshes later).
   */
  async announce(seminarId: string): Promise<void> {
    const rows = await this.dataSource.query<{ company_id: string }[]>(
      `SELECT DISTINCT company_id FROM seminar_registrations WHERE seminar_id = $1`,
      [seminarId],
    );
    this.live.seminarUpdated(
      seminarId,
      rows.map((row) => row.company_id),
    );
  }

  async create(user: AuthUser, input: CreateSeminarDto): Promise<WireSeminar> {
    return this.dataSource.transaction(async (manager) => {
      const link = await checkActivityLink(manager, input.partnerId, input.agreementId);
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      checkWindow(startsAt, endsAt);
      const seminar = await manager.save(
        manager.create(Seminar, {
          title: input.title,
          kind: input.kind,
          description: input.description ?? '',
          startsAt,
          endsAt,
          timezone: input.timezone,
          venue: input.venue ?? null,
          videoUrl: input.videoUrl ?? null,
          capacity: input.capacity,
          partnerId: link.partnerId,
          agreementId: link.agreementId,
          createdBy: user.id,
        }),
      );
      return toSeminarView(seminar, NO_SEATS_TAKEN, link.partner);
    });
  }

  /**
   * Upcoming seminars (not over yet), soonest first; `when=past` (organisers only): latest first.
   */
  async list(user: AuthUser, query: ListSeminarsQuery): Promise<Page<WireSeminar>> {
    const past = query.when === 'past';
    if (past && !isOrganiser(user)) {
      throw AppError.forbidden('auth.role_required', 'Only organisers list past seminars');
    }
    const builder = this.dataSource
      .getRepository(Seminar)
      .createQueryBuilder('seminar')
      .where(past ? 'seminar.ends_at <= now()' : 'seminar.ends_at > now()')
      .orderBy('seminar.startsAt', past ? 'DESC' : 'ASC')
      .addOrderBy('seminar.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await builder.getManyAndCount();
    const [counts, partners] = await Promise.all([
      this.seatCounts(
        this.dataSource.manager,
        rows.map((row) => row.id),
      ),
      this.partners(rows),
    ]);
    return {
      items: rows.map((row) =>
        toSeminarView(
          row,
          counts.get(row.id) ?? NO_SEATS_TAKEN,
          (row.partnerId && partners.get(row.partnerId)) || null,
        ),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async view(manager: EntityManager, seminar: Seminar): Promise<WireSeminar> {
    const counts = await this.seatCounts(manager, [seminar.id]);
    const partner = seminar.partnerId
      ? await manager.findOneBy(Partner, { id: seminar.partnerId })
      : null;
    return toSeminarView(seminar, counts.get(seminar.id) ?? NO_SEATS_TAKEN, partner);
  }

  /**
   * Edits a seminar under a lock on its row, so that no registration slips past a lowered
   * capacity. Capacity below the seats already held is refused (409 naming `capacity`) rather
   * than demoting anyone: taking a confirmed seat away is the organiser's call, made by asking
   * people, not a side effect of a form. A raised capacity seats the longest-waiting; a new start
   * time plans the seat holders' reminders again.
   */
  async update(id: string, changes: UpdateSeminarDto): Promise<WireSeminar> {
    const saved = await this.edit(id, changes);
    await this.announce(id);
    return saved;
  }

  private edit(id: string, changes: UpdateSeminarDto): Promise<WireSeminar> {
    return this.dataSource.transaction(async (manager) => {
      const seminar = await this.lock(manager, id);
      const { startsAt, endsAt, partnerId, agreementId, ...rest } = changes;
      const linked = linkAfterChange(seminar, { partnerId, agreementId });
      Object.assign(seminar, rest);
      if (changes.description === null) seminar.description = '';
      if (startsAt !== undefined) seminar.startsAt = new Date(startsAt);
      if (endsAt !== undefined) seminar.endsAt = new Date(endsAt);
      checkWindow(seminar.startsAt, seminar.endsAt);
      const link = await checkActivityLink(manager, linked.partnerId, linked.agreementId);
      seminar.partnerId = link.partnerId;
      seminar.agreementId = link.agreementId;
      const registered = await manager.countBy(SeminarRegistration, {
        seminarId: id,
        status: 'registered',
      });
      if (seminar.capacity < registered) {
        throw AppError.conflict(
          'seminar.capacity_below_registered',
          `${registered} people already hold seats; capacity cannot go below that`,
          { field: 'capacity', registered },
        );
      }
      const saved = await manager.save(seminar);
      if (changes.capacity !== undefined) await this.seats.fill(manager, saved);
      if (startsAt !== undefined || changes.title !== undefined) {
        await this.reminders.replanSeminar(manager, saved);
      }
      return this.view(manager, saved);
    });
  }

  /** Registered and waitlisted people per seminar (absent: none of either). */
  async seatCounts(manager: EntityManager, ids: string[]): Promise<Map<string, SeatCounts>> {
    if (ids.length === 0) return new Map();
    const rows = await manager
      .getRepository(SeminarRegistration)
      .createQueryBuilder('registration')
      .select('registration.seminarId', 'id')
      .addSelect("count(*) FILTER (WHERE registration.status = 'registered')::int", 'registered')
      .addSelect("count(*) FILTER (WHERE registration.status = 'waitlisted')::int", 'waitlisted')
      .where('registration.seminarId IN (:...ids)', { ids })
      .groupBy('registration.seminarId')
      .getRawMany<{ id: string; registered: number; waitlisted: number }>();
    return new Map(
      rows.map((row) => [row.id, { registered: row.registered, waitlisted: row.waitlisted }]),
    );
  }

  private async partners(rows: Seminar[]): Promise<Map<string, Partner>> {
    const ids = [...new Set(rows.map((row) => row.partnerId).filter((id) => id !== null))];
    if (ids.length === 0) return new Map();
    const partners = await this.dataSource.manager.findBy(Partner, { id: In(ids) });
    return new Map(partners.map((partner) => [partner.id, partner]));
  }

  async find(manager: EntityManager, id: string): Promise<Seminar> {
    const seminar = await manager.findOneBy(Seminar, { id });
    if (!seminar) throw AppError.notFound('seminar', id);
    return seminar;
  }

  /** The seminar row, locked until the transaction ends: seats on it are taken one at a time. */
  async lock(manager: EntityManager, id: string): Promise<Seminar> {
    const seminar = await manager.findOne(Seminar, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!seminar) throw AppError.notFound('seminar', id);
    return seminar;
  }
}
