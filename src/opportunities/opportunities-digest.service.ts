import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { fitPosts, type FitCompany } from './opportunity-fit';
import {
  selectOpportunities,
  toFitCompany,
  toFitPost,
  type CompanyProfileRow,
  type OpportunityRow,
} from './opportunity-rows';

/** A post reaches a firm's digest when it fits the firm at least this well (0–100). */
export const DIGEST_MIN_SCORE = 40;
/** At most this many posts a digest lists (the count in its title says how many fit). */
export const DIGEST_MAX_POSTS = 10;

const WEEK_MS = 7 * 24 * 3600_000;

interface Member {
  user_id: string;
  company_id: string;
}

interface Fitting {
  row: OpportunityRow;
  score: number;
}

/** The Monday (UTC) of the week of `at`, as `2031-09-15`: the digest's key for that week. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * The weekly digest of the opportunities board: to each user of a verified firm, one notice
 * listing the posts of the last seven days, still open, that fit the firm well (a score of at
 * least DIGEST_MIN_SCORE by the scoring of matches, see opportunity-fit.ts), best first; never
 * the firm's own posts; nothing at all to a user with nothing new. A user of several firms gets
 * one notice, each post at its best fit. It goes through `notify`, so each reader's delivery for
 * `opportunity.digest` (email, in the app, or off) and the email's unsubscribe link apply.
 * Idempotent per user and week (its Monday, UTC): an advisory lock per user and week makes two
 * runs take turns, and the second finds the first's notice (its in-app row, or its email's outbox
 * key `opportunity-digest.<week>:<user>`).
 */
@Injectable()
export class OpportunitiesDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Sends the digest of the week before `now`; returns to how many users one was written. */
  async run(now: Date = new Date()): Promise<number> {
    const posts = await this.dataSource.query<OpportunityRow[]>(
      `${selectOpportunities()}
        WHERE o.created_at > $2 AND o.created_at <= $3
          AND (o.deadline IS NULL OR o.deadline > $3)
          AND (o.company_id IS NULL OR c.status = 'verified')
        ORDER BY o.created_at DESC, o.id`,
      [null, new Date(now.getTime() - WEEK_MS), now],
    );
    if (posts.length === 0) return 0;
    const [companies, members] = await Promise.all([
      this.dataSource.query<CompanyProfileRow[]>(
        `SELECT id, name, country, sectors, offers, seeks, partner_types, target_markets, languages
           FROM companies WHERE status = 'verified' ORDER BY id`,
      ),
      this.dataSource.query<Member[]>(
        `SELECT cm.user_id, cm.company_id FROM company_members cm
           JOIN users u ON u.id = cm.user_id AND u.disabled_at IS NULL
           JOIN companies c ON c.id = cm.company_id AND c.status = 'verified'
          ORDER BY cm.user_id, c.name`,
      ),
    ]);
    const fitPostsOf = new Map<string, { company: FitCompany; fitting: Fitting[] }>();
    const fitInputs = posts.map(toFitPost);
    for (const row of companies) {
      const company = toFitCompany(row);
      const fitting = fitPosts(company, fitInputs).flatMap((fit, index) =>
        fit.score !== null && fit.score >= DIGEST_MIN_SCORE
          ? [{ row: posts[index], score: fit.score }]
          : [],
      );
      if (fitting.length > 0) fitPostsOf.set(company.id, { company, fitting });
    }

    const byUser = new Map<string, string[]>();
    for (const member of members) {
      byUser.set(member.user_id, [...(byUser.get(member.user_id) ?? []), member.company_id]);
    }
    const week = weekOf(now);
    let sent = 0;
    for (const [userId, companyIds] of byUser) {
      const own = new Set(companyIds);
      const best = new Map<string, Fitting>();
      const names: string[] = [];
      for (const companyId of companyIds) {
        const found = fitPostsOf.get(companyId);
        if (!found) continue;
        names.push(found.company.name);
        for (const fit of found.fitting) {
          // A colleague firm's post is no news to this user.
          if (fit.row.company_id !== null && own.has(fit.row.company_id)) continue;
          const known = best.get(fit.row.id);
          if (!known || known.score < fit.score) best.set(fit.row.id, fit);
        }
      }
      if (best.size === 0) continue;
      const ranked = [...best.values()].sort((x, y) => y.score - x.score);
      if (await this.tell(userId, week, names, ranked)) sent += 1;
    }
    return sent;
  }

  private tell(
    userId: string,
    week: string,
    companies: string[],
    ranked: Fitting[],
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `opportunity.digest:${userId}:${week}`,
      ]);
      const key = `opportunity-digest.${week}`;
      const [done] = await manager.query<unknown[]>(
        `SELECT 1 FROM notifications
          WHERE user_id = $1 AND kind = 'opportunity.digest' AND params->>'week' = $2
         UNION ALL
         SELECT 1 FROM notification_outbox WHERE key = $3
         LIMIT 1`,
        [userId, week, `${key}:${userId}`],
      );
      if (done) return false;
      const written = await this.notifications.notify(manager, {
        kind: 'opportunity.digest',
        recipients: [userId],
        params: {
          week,
          company: companies.join(', '),
          count: ranked.length,
          posts: {
            line: 'opportunity.digest.post',
            items: ranked.slice(0, DIGEST_MAX_POSTS).map(({ row, score }) => ({
              title: row.title,
              kind: row.kind,
              poster: row.company_name ?? '',
              hasPartner: row.partner_country ? 'yes' : 'no',
              partnerCountry: row.partner_country ?? '',
              score: Math.round(score),
              hasDeadline: row.deadline ? 'yes' : 'no',
              deadline: row.deadline ? { at: new Date(row.deadline).toISOString() } : '',
            })),
          },
        },
        link: '/opportunities',
        key,
      });
      // A reader who turned the kind off gets nothing, and is not counted.
      return written.notificationIds.length + written.outboxIds.length > 0;
    });
  }
}
