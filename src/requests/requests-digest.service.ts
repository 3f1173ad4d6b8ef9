import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsService } from '../notifications/notifications.service';
import { ACTION_STATES } from '../sessions/session-lifecycle.wire';

/** The hour of the day (each user's own) from which the digest goes out, unless configured. */
export const DEFAULT_DIGEST_HOUR = 8;

interface Waiting {
  userId: string;
  timezone: string;
  sessionId: string;
  session: string;
  startsAt: Date;
  fromCompany: string;
  fromCountry: string;
  fromZone: string;
  toCompany: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The date (`2031-09-15`) and hour (0–23) of an instant in a zone. */
export function localDayAndHour(at: Date, timezone: string): { day: string; hour: number } {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    dayFormats.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * The daily digest of meeting requests still waiting for an answer: one notice per user of a
 * firm that received them, listing them all, once a day from the digest hour of the user's own
 * zone (08:00 unless configured), and none for a user with nothing waiting. The worker runs it
 * every hour: a user whose day reached the hour and who had no digest that day gets one.
 * Idempotent per user and local day, however many runs or workers: a transaction-scoped advisory
 * lock per user and day makes two runs take turns, and the second finds the first's notice (its
 * in-app row, or its email's outbox key `requests-digest.<day>:<user>`).
 */
@Injectable()
export class RequestsDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** Sends the digests due at `now`; returns to how many users one was written. */
  async run(
    now: Date = new Date(),
    hour: number = this.config.requestsDigestHour ?? DEFAULT_DIGEST_HOUR,
  ): Promise<number> {
    const waiting = await this.dataSource.query<Waiting[]>(
      `SELECT cm.user_id AS "userId", COALESCE(st.timezone, 'UTC') AS timezone,
              s.id AS "sessionId", s.title AS session, s.starts_at AS "startsAt",
              fc.name AS "fromCompany", fc.country AS "fromCountry", fc.timezone AS "fromZone",
              tc.name AS "toCompany"
         FROM meeting_requests r
         JOIN sessions s ON s.id = r.session_id
         JOIN companies fc ON fc.id = r.from_company_id
         JOIN companies tc ON tc.id = r.to_company_id
         JOIN company_members cm ON cm.company_id = r.to_company_id
         JOIN users u ON u.id = cm.user_id AND u.disabled_at IS NULL
         LEFT JOIN user_settings st ON st.user_id = cm.user_id
        WHERE r.status = 'pending' AND s.status::text = ANY($1::text[]) AND s.ends_at > $2
        ORDER BY cm.user_id, s.starts_at, r.created_at`,
      [ACTION_STATES.request, now],
    );
    const byUser = new Map<string, Waiting[]>();
    for (const row of waiting) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    let sent = 0;
    for (const [userId, requests] of byUser) {
      const local = localDayAndHour(now, requests[0].timezone);
      if (local.hour < hour) continue;
      if (await this.tell(userId, local.day, requests)) sent += 1;
    }
    return sent;
  }

  private tell(userId: string, day: string, requests: Waiting[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `requests.digest:${userId}:${day}`,
      ]);
      const key = `requests-digest.${day}`;
      const [done] = await manager.query<unknown[]>(
        `SELECT 1 FROM notifications
          WHERE user_id = $1 AND kind = 'requests.digest' AND params->>'day' = $2
         UNION ALL
         SELECT 1 FROM notification_outbox WHERE key = $3
         LIMIT 1`,
        [userId, day, `${key}:${userId}`],
      );
      if (done) return false;
      const sessions = new Set(requests.map((request) => request.sessionId));
      await this.notifications.notify(manager, {
        kind: 'requests.digest',
        recipients: [userId],
        params: {
          day,
          count: requests.length,
          requests: {
            line: 'requests.digest.request',
            items: requests.map((request) => ({
              fromCompany: request.fromCompany,
              fromCountry: request.fromCountry,
              toCompany: request.toCompany,
              session: request.session,
              startsAt: {
                at: new Date(request.startsAt).toISOString(),
                otherZone: request.fromZone,
                otherName: request.fromCompany,
              },
            })),
          },
        },
        link: sessions.size === 1 ? `/sessions/${[...sessions][0]}` : '/sessions',
        key,
      });
      return true;
    });
  }
}
