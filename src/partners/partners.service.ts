import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../common/database-errors';
import { Agreement } from './agreement.entity';
import { storedStatus, todayUtc } from './agreement-status';
import type {
  CreateAgreementDto,
  CreatePartnerDto,
  UpdateAgreementDto,
  UpdatePartnerDto,
} from './dto/partner.dto';
import { Partner } from './partner.entity';
import { toAgreementView, toPartnerView } from './partner.view';
import type { WireAgreement, WirePartner } from './partners.wire';

const COUNTRY_TAKEN = 'A partner economy for this country exists already; edit that one';

/** A signed status needs a signing date: planned agreements are the ones without one. */
function checkSigned(agreement: Pick<Agreement, 'status' | 'signedOn' | 'expiresOn'>): void {
  if (agreement.status !== 'planned' && agreement.signedOn === null) {
    throw AppError.invalid(
      { signedOn: ['is required for a signed agreement (any status but planned)'] },
      { signedOn: [{ rule: 'required' }] },
    );
  }
  if (
    agreement.signedOn !== null &&
    agreement.expiresOn !== null &&
    agreement.expiresOn <= agreement.signedOn
  ) {
    throw AppError.invalid(
      { expiresOn: ['must be after signedOn'] },
      { expiresOn: [{ rule: 'after', params: { field: 'signedOn' } }] },
    );
  }
}

/**
 * Partner economies of the programme and their agreements. An agreement's status on the wire is
 * computed on read (see agreement-status.ts); a renewal marks the agreement it renews `renewed`
 * in the same transaction, under that agreement's row lock, so two renewals of one cannot both pass.
 */
@Injectable()
export class PartnersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: CreatePartnerDto): Promise<WirePartner> {
    const repository = this.dataSource.getRepository(Partner);
    try {
      const partner = await repository.save(
        repository.create({
          country: input.country,
          name: input.name,
          agencies: input.agencies ?? [],
          priorityAreas: input.priorityAreas ?? [],
          notes: input.notes ?? '',
        }),
      );
      return toPartnerView(partner, [], todayUtc());
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('partner.country_taken', COUNTRY_TAKEN);
      throw error;
    }
  }

  /** Every partner economy with its agreements, by name. */
  async list(): Promise<WirePartner[]> {
    const [partners, agreements] = await Promise.all([
      this.dataSource.getRepository(Partner).find({ order: { name: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(Agreement).find(),
    ]);
    const today = todayUtc();
    const of = new Map<string, Agreement[]>();
    for (const agreement of agreements) {
      of.set(agreement.partnerId, [...(of.get(agreement.partnerId) ?? []), agreement]);
    }
    return partners.map((partner) => toPartnerView(partner, of.get(partner.id) ?? [], today));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<WirePartner> {
    const partner = await manager.findOneBy(Partner, { id });
    if (!partner) throw AppError.notFound('partner', id);
    const agreements = await manager.findBy(Agreement, { partnerId: id });
    return toPartnerView(partner, agreements, todayUtc());
  }

  async update(id: string, changes: UpdatePartnerDto): Promise<WirePartner> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const partner = await manager.findOne(Partner, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!partner) throw AppError.notFound('partner', id);
        Object.assign(partner, changes);
        await manager.save(partner);
        return this.get(id, manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('partner.country_taken', COUNTRY_TAKEN);
      throw error;
    }
  }

  /** A new agreement; with `renews`, the renewal of an agreement of the same partner economy. */
  async addAgreement(partnerId: string, input: CreateAgreementDto): Promise<WireAgreement> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await manager.findOneBy(Partner, { id: partnerId });
      if (!partner) throw AppError.notFound('partner', partnerId);
      const signedOn = input.signedOn ?? null;
      const agreement = manager.create(Agreement, {
        partnerId,
        title: input.title,
        signedOn,
        expiresOn: input.expiresOn ?? null,
        counterpart: input.counterpart ?? '',
        priorityAreas: input.priorityAreas ?? [],
        forms: input.forms ?? [],
        documentUrl: input.documentUrl ?? null,
        status: storedStatus(input.status ?? (signedOn ? 'active' : 'planned')),
        renewsId: input.renews ?? null,
      });
      checkSigned(agreement);
      if (input.renews) {
        const old = await manager.findOne(Agreement, {
          where: { id: input.renews },
          lock: { mode: 'pessimistic_write' },
        });
        if (!old || old.partnerId !== partnerId) {
          throw AppError.invalid(
            { renews: ['must be an agreement of this partner economy'] },
            { renews: [{ rule: 'agreementOfPartner' }] },
          );
        }
        const renewedBy = await manager.findOneBy(Agreement, { renewsId: old.id });
        if (old.status === 'renewed' || renewedBy) {
          throw AppError.conflict(
            'agreement.already_renewed',
            'This agreement has already been renewed; renew the newest one of its chain',
          );
        }
        old.status = 'renewed';
        await manager.save(old);
      }
      const saved = await manager.save(agreement);
      return toAgreementView(saved, todayUtc(), null);
    });
  }

  async updateAgreement(id: string, changes: UpdateAgreementDto): Promise<WireAgreement> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await manager.findOne(Agreement, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!agreement) throw AppError.notFound('agreement', id);
      const { status, ...fields } = changes;
      Object.assign(agreement, fields);
      if (status !== undefined) agreement.status = storedStatus(status);
      checkSigned(agreement);
      const saved = await manager.save(agreement);
      const renewedBy = await manager.findOneBy(Agreement, { renewsId: id });
      return toAgreementView(saved, todayUtc(), renewedBy?.id ?? null);
    });
  }
}
