import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isOrganiser, type AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { CompaniesService } from '../companies/companies.service';
import { LiveEmitter } from '../live/live-emitter';
import { NotificationsService } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';
import { DelegationApplication } from './delegation-application.entity';
import type { ApplicationStatus } from './delegation.wire';
import type { Delegation } from './delegation.entity';
import { todayIn } from './delegation-time';
import { toApplicationView, type ApplicationView } from './delegation.view';
import { DelegationsService } from './delegations.service';

type Decision = Exclude<ApplicationStatus, 'pending'>;

/**
 * Applications to delegations. Every decision runs in a transaction holding the delegation's row
 * lock, so accepts are counted one at a time and capacity is never exceeded, however many arrive
 * at once; a withdrawal from an accepted seat promotes the longest-waiting waitlisted company in
 * the same transaction.
 */
@Injectable()
export class DelegationApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(user: AuthUser, delegationId: string, companyId: string): Promise<ApplicationView> {
    const delegation = await this.delegations.find(delegationId);
    const company = await this.companies.find(companyId);
    if (!(await this.companies.speaksFor(user.id, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only the company's own users may apply for it",
      );
    }
    if (company.status !== 'verified') {
      throw AppError.conflict(
        'company.not_verified',
        'Only verified companies may apply; an organiser verifies yours first',
      );
    }
    if (delegation.endsOn < todayIn(delegation.timezone)) {
      throw AppError.conflict('delegation.ended', 'This delegation is over');
    }
    // Delegates come from the travelling side: the delegation's origin country (SPEC.md).
    if (company.country !== delegation.originCountry) {
      throw AppError.conflict(
        'application.wrong_country',
        `This delegation travels from ${delegation.originCountry}: only companies of ${delegation.originCountry} may apply, and this one is of ${company.country}`,
      );
    }
    try {
      const application = await this.dataSource.getRepository(DelegationApplication).save({
        delegationId,
        companyId,
        status: 'pending',
        appliedBy: user.id,
      });
      const view = toApplicationView({ ...application, company });
      this.live.applicationUpdated(view);
      return view;
    } catch (error) {
      if (isUniqueViolation(error, 'delegation_applications_company_key')) {
        throw AppError.conflict(
          'application.duplicate',
          'This company has already applied to this delegation',
        );
      }
      throw error;
    }
  }

  async decide(
    user: AuthUser,
    delegationId: string,
    applicationId: string,
    status: Decision,
    reason = '',
  ): Promise<ApplicationView> {
    const { decided, promoted } = await this.dataSource.transaction(async (manager) => {
      const delegation = await this.delegations.lock(manager, delegationId);
      const application = await manager.findOne(DelegationApplication, {
        where: { id: applicationId, delegationId },
        relations: { company: true },
      });
      if (!application) throw AppError.notFound('application', applicationId);
      await this.assertMayDecide(manager, user, application, status);
      if (application.status === status) return { decided: application, promoted: null };
      if (application.status === 'withdrawn') {
        throw AppError.conflict(
          'application.withdrawn',
          'This application was withdrawn; the company may not be decided on',
        );
      }
      if (status === 'accepted') await this.assertSeatFree(manager, delegation);

      const freedSeat = application.status === 'accepted' && status === 'withdrawn';
      this.setStatus(application, status, user.id);
      await manager.save(application);
      if (status !== 'withdrawn') await this.tell(manager, delegation, application, reason);
      const promoted = freedSeat ? await this.promoteFromWaitlist(manager, delegation) : null;
      if (promoted) await this.tell(manager, delegation, promoted, '');
      return { decided: application, promoted };
    });
    const view = toApplicationView(decided);
    this.live.applicationUpdated(view);
    if (promoted) this.live.applicationUpdated(toApplicationView(promoted));
    return view;
  }

  private async assertMayDecide(
    manager: EntityManager,
    user: AuthUser,
    application: DelegationApplication,
    status: Decision,
  ): Promise<void> {
    if (status === 'withdrawn') {
      if (!(await this.companies.speaksFor(user.id, application.companyId, manager))) {
        throw AppError.forbidden(
          'company.not_yours',
          "Only the company's own users may withdraw its application",
        );
      }
    } else if (!isOrganiser(user)) {
      throw AppError.forbidden(
        'auth.role_required',
        'Organisers accept, reject or waitlist applications',
      );
    }
  }

  private async assertSeatFree(manager: EntityManager, delegation: Delegation): Promise<void> {
    const accepted = await manager.countBy(DelegationApplication, {
      delegationId: delegation.id,
      status: 'accepted',
    });
    if (accepted >= delegation.capacity) {
      throw AppError.conflict(
        'delegation.full',
        `The delegation is full (${delegation.capacity} companies); waitlist the company instead`,
      );
    }
  }

  private setStatus(
    application: DelegationApplication,
    status: ApplicationStatus,
    decidedBy: string | null,
  ): void {
    application.status = status;
    application.decidedAt = new Date();
    application.decidedBy = decidedBy;
    application.waitlistedAt = status === 'waitlisted' ? new Date() : null;
  }

  /**
   * Tells the company's users of an organiser's decision or of a promotion from the waitlist (a
   * promoted application has no decider), in the decision's transaction. A withdrawal is the
   * company's own doing: nobody is told.
   */
  private async tell(
    manager: EntityManager,
    delegation: Delegation,
    application: DelegationApplication,
    reason: string,
  ): Promise<void> {
    const rejected = application.status === 'rejected';
    await this.notifications.notify(manager, {
      kind: 'application.decided',
      recipients: await usersOfCompanies(manager, [application.companyId]),
      params: {
        company: application.company?.name ?? '',
        delegation: delegation.title,
        city: delegation.city,
        startsOn: delegation.startsOn,
        endsOn: delegation.endsOn,
        status: application.status,
        promoted: application.decidedBy === null ? 'yes' : 'no',
        hasReason: rejected && reason ? 'yes' : 'no',
        reason: rejected ? reason : '',
      },
      link: `/delegations/${delegation.id}`,
    });
  }

  /** Accepts the longest-waiting waitlisted company, if any (caller holds the delegation lock). */
  private async promoteFromWaitlist(
    manager: EntityManager,
    delegation: Delegation,
  ): Promise<DelegationApplication | null> {
    const next = await manager.findOne(DelegationApplication, {
      where: { delegationId: delegation.id, status: 'waitlisted' },
      order: { waitlistedAt: 'ASC', createdAt: 'ASC' },
      relations: { company: true },
    });
    if (!next) return null;
    await this.assertSeatFree(manager, delegation);
    this.setStatus(next, 'accepted', null);
    return manager.save(next);
  }
}
