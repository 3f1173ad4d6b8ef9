import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { writeCsv } from '../common/csv';
import { isUniqueViolation } from '../common/database-errors';
import { CompanyMember } from '../companies/company-member.entity';
import { Company } from '../companies/company.entity';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checkInCode, findByCheckInCode } from './check-in-code';
import { SeminarReminders } from './seminar-reminders.service';
import { SeminarSeats } from './seminar-seats.service';
import { SeminarRegistration } from './seminar-registration.entity';
import type { Seminar } from './seminar.entity';
import { toRegistrationView } from './seminar.view';
import { SeminarsService } from './seminars.service';
import {
  normaliseCheckInCode,
  type WireCheckIn,
  type WireSeminarDetail,
  type WireSeminarRegistration,
} from './seminars.wire';

const ATTENDANCE_COLUMNS = ['name', 'company', 'country', 'status', 'checkedInAt'] as const;

/**
 * Seats at seminars. Taking and giving up a seat run in a transaction holding the seminar's row
 * lock, so seats are counted one at a time and capacity is never exceeded however many arrive at
 * once; when a seat is given up, the longest-waiting person is promoted in the same transaction
 * (as delegations' waitlists do). Check-in codes are derived (check-in-code.ts), never stored.
 */
@Injectable()
export class SeminarRegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'jwtSecret'>,
    private readonly seminars: SeminarsService,
    private readonly reminders: SeminarReminders,
    private readonly seats: SeminarSeats,
  ) {}

  /** The seminar, with the caller's own registration (and its code) when they have one. */
  async get(user: AuthUser, id: string): Promise<WireSeminarDetail> {
    const manager = this.dataSource.manager;
    const seminar = await this.seminars.find(manager, id);
    const mine = await manager.findOne(SeminarRegistration, {
      where: { seminarId: id, userId: user.id },
      relations: { company: true, user: true },
    });
    return {
      ...(await this.seminars.view(manager, seminar)),
      myRegistration: mine ? await this.viewOf(manager, mine, user) : null,
    };
  }

  /** A user of a verified company takes a seat for it, or a place on the waitlist when full. */
  async register(
    user: AuthUser,
    seminarId: string,
    companyId: string,
  ): Promise<WireSeminarRegistration> {
    const registration = await this.seat(user, seminarId, companyId);
    await this.seminars.announce(seminarId);
    return registration;
  }

  private async seat(
    user: AuthUser,
    seminarId: string,
    companyId: string,
  ): Promise<WireSeminarRegistration> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const seminar = await this.seminars.lock(manager, seminarId);
        const company = await manager.findOneBy(Company, { id: companyId });
        if (!company) throw AppError.notFound('company', companyId);
        if (!(await manager.existsBy(CompanyMember, { companyId, userId: user.id }))) {
          throw AppError.forbidden(
            'company.not_yours',
            "Only the company's own users may register for it",
          );
        }
        if (company.status !== 'verified') {
          throw AppError.conflict(
            'company.not_verified',
            'Only verified companies may register; an organiser verifies yours first',
          );
        }
        this.assertNotStarted(seminar);
        const existing = await manager.findOneBy(SeminarRegistration, {
          seminarId,
          userId: user.id,
        });
        if (existing && existing.status !== 'withdrawn') throw this.duplicate();
        const registered = await manager.countBy(SeminarRegistration, {
          seminarId,
          status: 'registered',
        });
        const full = registered >= seminar.capacity;
        const registration = manager.create(SeminarRegistration, {
          ...(existing ?? {}),
          seminarId,
          companyId,
          userId: user.id,
          status: full ? 'waitlisted' : 'registered',
          waitlistedAt: full ? new Date() : null,
          checkedInAt: null,
          checkedInBy: null,
        });
        const saved = await manager.save(registration);
        await this.reminders.plan(manager, seminar, saved);
        const loaded = await this.load(manager, saved.id);
        return this.viewOf(manager, loaded, user);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'seminar_registrations_user_key')) throw this.duplicate();
      throw error;
    }
  }

  /** The seat's holder or their company's owner gives it up, before the seminar starts. */
  async withdraw(
    user: AuthUser,
    seminarId: string,
    registrationId: string,
  ): Promise<WireSeminarRegistration> {
    const registration = await this.giveUp(user, seminarId, registrationId);
    await this.seminars.announce(seminarId);
    return registration;
  }

  private giveUp(
    user: AuthUser,
    seminarId: string,
    registrationId: string,
  ): Promise<WireSeminarRegistration> {
    return this.dataSource.transaction(async (manager) => {
      const seminar = await this.seminars.lock(manager, seminarId);
      const registration = await manager.findOne(SeminarRegistration, {
        where: { id: registrationId, seminarId },
        relations: { company: true, user: true },
      });
      if (!registration) throw AppError.notFound('registration', registrationId);
      if (registration.userId !== user.id) {
        const owner = await manager.existsBy(CompanyMember, {
          companyId: registration.companyId,
          userId: user.id,
          role: 'owner',
        });
        if (!owner) {
          // A stranger learns nothing of someone else's seat.
          const member = await manager.existsBy(CompanyMember, {
            companyId: registration.companyId,
            userId: user.id,
          });
          if (!member) throw AppError.notFound('registration', registrationId);
          throw AppError.forbidden(
            'company.owner_required',
            "Only the seat's holder or their company's owner may give it up",
          );
        }
      }
      if (registration.status === 'withdrawn') return this.viewOf(manager, registration, user);
      this.assertNotStarted(seminar);
      const freedSeat = registration.status === 'registered';
      registration.status = 'withdrawn';
      registration.waitlistedAt = null;
      await manager.save(registration);
      await this.reminders.withdraw(manager, [registration.id]);
      if (freedSeat) await this.seats.fill(manager, seminar);
      return this.viewOf(manager, registration, user);
    });
  }

  /**
   * Organisers see every registration; a firm's user sees their own companies' (a stranger to the
   * seminar gets an empty list). A code is shown only to the seat's holder.
   */
  async list(user: AuthUser, seminarId: string): Promise<WireSeminarRegistration[]> {
    const manager = this.dataSource.manager;
    await this.seminars.find(manager, seminarId);
    const builder = manager
      .getRepository(SeminarRegistration)
      .createQueryBuilder('registration')
      .innerJoinAndSelect('registration.company', 'company')
      .innerJoinAndSelect('registration.user', 'user')
      .where('registration.seminarId = :seminarId', { seminarId })
      .orderBy('registration.createdAt', 'ASC')
      .addOrderBy('registration.id', 'ASC');
    if (!isOrganiser(user)) {
      builder.andWhere(
        'registration.company_id IN (SELECT m.company_id FROM company_members m WHERE m.user_id = :userId)',
        { userId: user.id },
      );
    }
    const rows = await builder.getMany();
    const positions = await this.waitlistPositions(manager, seminarId);
    return rows.map((row) =>
      toRegistrationView(
        row,
        row.userId === user.id ? checkInCode(this.config.jwtSecret, seminarId, row.id) : null,
        positions.get(row.id) ?? null,
      ),
    );
  }

  /**
   * Checks a seat in at the door by its code. 404 for a code of no registration of this seminar
   * (mistyped, tampered with or another seminar's); 409 when already in (saying when) or when the
   * registration holds no seat (waitlisted or withdrawn, saying which).
   */
  async checkIn(user: AuthUser, seminarId: string, input: string): Promise<WireCheckIn> {
    const result = await this.admit(user, seminarId, input);
    await this.seminars.announce(seminarId);
    return result;
  }

  private admit(user: AuthUser, seminarId: string, input: string): Promise<WireCheckIn> {
    return this.dataSource.transaction(async (manager) => {
      await this.seminars.find(manager, seminarId);
      const code = normaliseCheckInCode(input);
      const candidates = code
        ? await manager.find(SeminarRegistration, { where: { seminarId }, select: { id: true } })
        : [];
      const match = code
        ? findByCheckInCode(this.config.jwtSecret, seminarId, candidates, code)
        : undefined;
      if (!match) {
        throw AppError.notFound('check_in_code');
      }
      const registration = await manager.findOne(SeminarRegistration, {
        where: { id: match.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw AppError.notFound('registration', match.id);
      if (registration.checkedInAt) {
        throw AppError.conflict(
          'check_in.already',
          `Already checked in at ${registration.checkedInAt.toISOString()}`,
          { checkedInAt: registration.checkedInAt.toISOString() },
        );
      }
      if (registration.status !== 'registered') {
        throw AppError.conflict(
          'check_in.no_seat',
          registration.status === 'waitlisted'
            ? 'This person is on the waitlist and holds no seat'
            : 'This person withdrew and holds no seat',
          { status: registration.status },
        );
      }
      registration.checkedInAt = new Date();
      registration.checkedInBy = user.id;
      await manager.save(registration);
      const loaded = await this.load(manager, registration.id);
      return {
        registration: toRegistrationView(loaded, null, null),
        checkedInAt: registration.checkedInAt.toISOString(),
      };
    });
  }

  /** Attendance as CSV: a row per registration, the check-in time in the seminar's zone. */
  async attendanceCsv(seminarId: string): Promise<{ filename: string; body: string }> {
    const manager = this.dataSource.manager;
    const seminar = await this.seminars.find(manager, seminarId);
    const rows = await manager.find(SeminarRegistration, {
      where: { seminarId },
      relations: { company: true, user: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const body = writeCsv(
      ATTENDANCE_COLUMNS,
      rows.map((row) => ({
        name: row.user.name,
        company: row.company.name,
        country: row.company.country,
        status: row.checkedInAt ? 'checked-in' : row.status,
        checkedInAt: row.checkedInAt
          ? DateTime.fromJSDate(row.checkedInAt, { zone: seminar.timezone }).toFormat(
              'yyyy-MM-dd HH:mm ZZZZ',
            )
          : '',
      })),
    );
    return { filename: `seminar-${seminar.id}-attendance.csv`, body };
  }

  private assertNotStarted(seminar: Seminar): void {
    if (seminar.startsAt.getTime() <= Date.now()) {
      throw AppError.conflict(
        'seminar.started',
        'This seminar has started; seats no longer change',
      );
    }
  }

  private duplicate(): AppError {
    return AppError.conflict(
      'registration.duplicate',
      'You are already registered for this seminar',
    );
  }

  private async load(manager: EntityManager, id: string): Promise<SeminarRegistration> {
    return manager.findOneOrFail(SeminarRegistration, {
      where: { id },
      relations: { company: true, user: true },
    });
  }

  private async viewOf(
    manager: EntityManager,
    registration: SeminarRegistration,
    user: AuthUser,
  ): Promise<WireSeminarRegistration> {
    const positions =
      registration.status === 'waitlisted'
        ? await this.waitlistPositions(manager, registration.seminarId)
        : new Map<string, number>();
    return toRegistrationView(
      registration,
      registration.userId === user.id
        ? checkInCode(this.config.jwtSecret, registration.seminarId, registration.id)
        : null,
      positions.get(registration.id) ?? null,
    );
  }

  /** 1 for the longest-waiting, then in order. */
  private async waitlistPositions(
    manager: EntityManager,
    seminarId: string,
  ): Promise<Map<string, number>> {
    const waiting = await manager.find(SeminarRegistration, {
      where: { seminarId, status: 'waitlisted' },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      select: { id: true },
    });
    return new Map(waiting.map((row, index) => [row.id, index + 1]));
  }
}
