import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxMessage } from '../outbox-message.entity';
import { MailTransport } from './mail-transport.service';
import { retryDelayMs, MAX_ATTEMPTS, isPermanentFailure } from './retry-policy';

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

/** Tolerance for the API's and PostgreSQL's clocks when a delayed job comes due. */
const CLOCK_SLACK_MS = 2000;

/**
 * Sends outbox rows, each at most once but for the instant between the SMTP server's acceptance
 * and the record of it. A worker first claims a row with a lease (`sending_until`) in one UPDATE:
 * only a pending row that is due and that nobody holds can be claimed, and PostgreSQL's row lock
 * makes two claims of one row take turns, the second finding the lease taken. The lease outlives
 * the SMTP timeouts, so a row is only taken again when its worker died (or hung past every
 * timeout). A failure puts the row back with its next try `not_before`, backing off exponentially;
 * the sweeper takes it then.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transport: MailTransport,
  ) {}

  /** The delivery job of one row: send it if it is still due and nobody holds it. */
  async deliver(outboxId: string): Promise<DeliveryOutcome> {
    const [row] = await this.claim(
      `id = $2 AND not_before <= now() + make_interval(secs => ${CLOCK_SLACK_MS / 1000})`,
      [outboxId],
    );
    return row ? this.send(row) : 'skipped';
  }

  /**
   * The sweeper's pass: rows due for `graceMs` (their own job had its chance) or due for a retry,
   * that nobody holds, oldest first, up to `limit`. They are claimed `concurrency` at a time (SKIP
   * LOCKED: workers sweeping at once take different rows) and each batch is sent before the next
   * is claimed, so that every lease starts as its send does: a row claimed long before its turn
   * would see its lease run out and be taken, and sent, by another worker as well.
   */
  async sweep(graceMs: number, limit = 200, concurrency = 8): Promise<number> {
    let total = 0;
    while (total < limit) {
      const rows = await this.claim('id IN (SELECT id FROM picked)', [graceMs], {
        // Materialised, so that it runs once: a subquery with SKIP LOCKED that the plan scans
        // again skips the rows it just locked and picks others, and claims far more than asked.
        picked: `SELECT id FROM notification_outbox
                  WHERE status = 'pending'
                    AND not_before <= now() - make_interval(secs => $2::double precision / 1000)
                    AND (sending_until IS NULL OR sending_until < now())
                  ORDER BY not_before
                  LIMIT ${Number(concurrency)}
                  FOR UPDATE SKIP LOCKED`,
      });
      await Promise.all(rows.map((row) => this.send(row)));
      total += rows.length;
      if (rows.length < concurrency) break;
    }
    return total;
  }

  private async claim(
    where: string,
    params: unknown[],
    cte?: { picked: string },
  ): Promise<OutboxMessage[]> {
    const [rows] = await this.dataSource.query<[Record<string, unknown>[], number]>(
      `${cte ? `WITH picked AS MATERIALIZED (${cte.picked}) ` : ''}UPDATE notification_outbox
          SET sending_until = now() + make_interval(secs => $1::double precision / 1000),
              attempts = attempts + 1
        WHERE status = 'pending' AND (sending_until IS NULL OR sending_until < now()) AND ${where}
        RETURNING *`,
      [this.config.outboxLeaseMs, ...params],
    );
    return rows.map((raw) => this.dataSource.getRepository(OutboxMessage).create(toEntity(raw)));
  }

  private async send(row: OutboxMessage): Promise<DeliveryOutcome> {
    try {
      await this.transport.send(row);
    } catch (error) {
      return this.recordFailure(row, error);
    }
    // The instant of the guarantee's one exception: the server has the email, the row does not
    // say so yet. A worker killed here leaves the lease to expire, and the email goes again
    // (with the same Message-ID).
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = 'sent', sent_at = now(), sending_until = NULL, last_error = NULL
        WHERE id = $1`,
      [row.id],
    );
    return 'sent';
  }

  private async recordFailure(row: OutboxMessage, error: unknown): Promise<DeliveryOutcome> {
    const reason = error instanceof Error ? error.message : String(error);
    const final = isPermanentFailure(error) || row.attempts >= MAX_ATTEMPTS;
    await this.dataSource.query(
      `UPDATE notification_outbox
          SET status = $2, sending_until = NULL, last_error = $3,
              not_before = now() + make_interval(secs => $4::double precision / 1000)
        WHERE id = $1`,
      [row.id, final ? 'failed' : 'pending', reason.slice(0, 500), retryDelayMs(row.attempts)],
    );
    this.logger.warn(
      `email ${row.id} (${row.kind}) attempt ${row.attempts} ${final ? 'failed for good' : 'failed, will retry'}: ${reason}`,
    );
    return final ? 'failed' : 'retry';
  }
}

/** A raw row of `RETURNING *` into the entity's property names. */
function toEntity(raw: Record<string, unknown>): Partial<OutboxMessage> {
  return {
    id: raw.id as string,
    userId: raw.user_id as string,
    kind: raw.kind as OutboxMessage['kind'],
    toAddress: raw.to_address as string,
    subject: raw.subject as string,
    textBody: raw.text_body as string,
    htmlBody: raw.html_body as string,
    ics: raw.ics as OutboxMessage['ics'],
    unsubscribeUrl: raw.unsubscribe_url as string | null,
    status: raw.status as OutboxMessage['status'],
    attempts: raw.attempts as number,
    notBefore: raw.not_before as Date,
    sendingUntil: raw.sending_until as Date | null,
    key: raw.key as string | null,
  };
}
