import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Notifier } from '../notifications/notice-writer';
import { NotificationsService } from '../notifications/notifications.service';
import { Agreement } from './agreement.entity';
import { renewalDueFrom, todayUtc } from './agreement-status';
import { RENEWAL_LEAD_DAYS } from './partners.wire';

export interface DueRow {
  id: string;
  partner_id: string;
  title: string;
  expires_on: string;
  partner_name: string;
}

/** The signed agreements due for renewal on `today` whose organisers were not told yet. */
export function dueAgreements(manager: EntityManager, today: string): Promise<DueRow[]> {
  return manager.query<DueRow[]>(
    `SELECT a.id, a.partner_id, a.title, to_char(a.expires_on, 'YYYY-MM-DD') AS expires_on,
            p.name AS partner_name
       FROM agreements a JOIN partners p ON p.id = a.partner_id
      WHERE a.status = 'active' AND a.expires_on IS NOT NULL
        AND a.expires_on >= $1::date
        AND a.expires_on - ${RENEWAL_LEAD_DAYS} <= $1::date
        AND a.reminded_for IS DISTINCT FROM a.expires_on
      ORDER BY a.expires_on, a.id`,
    [today],
  );
}

/**
 * Tells organisers (and admins) of one agreement due for renewal, in the caller's transaction,
 * under the agreement's row lock; false when it is no longer due or was told of already.
 */
export async function remindOfAgreement(
  manager: EntityManager,
  notifier: Notifier,
  row: DueRow,
  today: string,
): Promise<boolean> {
  const agreement = await manager.findOne(Agreement, {
    where: { id: row.id },
    lock: { mode: 'pessimistic_write' },
  });
  if (
    !agreement ||
    agreement.status !== 'active' ||
    agreement.expiresOn !== row.expires_on ||
    agreement.remindedFor === agreement.expiresOn ||
    today < renewalDueFrom(row.expires_on)
  ) {
    return false;
  }
  const organisers = await manager.query<{ id: string }[]>(
    `SELECT id FROM users WHERE role IN ('organiser', 'admin') AND disabled_at IS NULL ORDER BY id`,
  );
  const days = Math.round(
    (Date.parse(`${row.expires_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  await notifier.notify(manager, {
    kind: 'agreement.expiring',
    recipients: organisers.map((organiser) => organiser.id),
    params: {
      agreement: row.title,
      partner: row.partner_name,
      // A date the reader reads in words ("11 May 2027"): noon UTC, the same day in any zone.
      expiresOn: Date.parse(`${row.expires_on}T12:00:00Z`),
      days,
    },
    link: `/organise/partners/${row.partner_id}`,
    key: `agreement-expiring.${row.id}.${row.expires_on}`,
  });
  agreement.remindedFor = agreement.expiresOn;
  await manager.save(agreement);
  return true;
}

/**
 * Tells organisers (and admins) of each signed agreement that has become due for renewal:
 * RENEWAL_LEAD_DAYS or fewer before its expiry date, not yet past it. Once per agreement and
 * expiry date: `reminded_for` records the date told of, set in the transaction that writes the
 * notices under the agreement's row lock, so that two runs take turns and the second finds it
 * told; an agreement whose expiry date moves is told of again when the new date comes due. An
 * agreement already expired when first seen is not told of (its status says so on every page).
 */
@Injectable()
export class AgreementReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Returns how many agreements organisers were reminded of. */
  async run(now: Date = new Date()): Promise<number> {
    const today = todayUtc(now);
    let told = 0;
    for (const row of await dueAgreements(this.dataSource.manager, today)) {
      const done = await this.dataSource.transaction((manager) =>
        remindOfAgreement(manager, this.notifications, row, today),
      );
      if (done) told += 1;
    }
    return told;
  }
}
