import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationsService } from '../notifications/notifications.service';
import { followUpExpiry, signFollowUpKey } from './follow-up-key';

/** Surveys one run claims per transaction; a run goes on until none is due. */
const BATCH = 50;

interface ClaimedSurvey {
  id: string;
  session_id: string;
  company_id: string;
  months: number;
  sent_at: Date;
  title: string;
  company_name: string;
  held: number;
}

/**
 * Sends the follow-up surveys that are due: to each user of the firm, by their settings for
 * `followup.survey`, an email with the survey's signed link (`/follow-up/<key>`, no sign-in) and
 * an in-app notification linking to the same page. At most once per survey however many workers
 * run: a batch is claimed with `FOR UPDATE SKIP LOCKED` and marked sent in the transaction that
 * writes its notices, so a second worker skips rows being sent and finds sent ones no longer due;
 * a failure rolls both back, and the survey waits for the next run.
 */
@Injectable()
export class FollowUpSender {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** Sends every survey due by now; returns how many were sent. */
  async run(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.sendBatch();
      sent += batch;
      if (batch < BATCH) return sent;
    }
  }

  private sendBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [claimed] = await manager.query<[ClaimedSurvey[], number]>(
        `WITH due AS (
           SELECT f.id FROM follow_up_surveys f JOIN sessions s ON s.id = f.session_id
            WHERE f.sent_at IS NULL AND f.due_at <= now() AND s.status = 'closed'
            ORDER BY f.due_at, f.id
            LIMIT $1
            FOR UPDATE OF f SKIP LOCKED)
         UPDATE follow_up_surveys f SET sent_at = now()
           FROM due, sessions s, companies c
          WHERE f.id = due.id AND s.id = f.session_id AND c.id = f.company_id
         RETURNING f.id, f.session_id, f.company_id, f.months, f.sent_at, s.title,
                   c.name AS company_name,
                   (SELECT count(*)::int FROM meetings m
                     WHERE m.session_id = f.session_id AND m.status = 'held'
                       AND f.company_id IN (m.company_a, m.company_b)) AS held`,
        [BATCH],
      );
      for (const survey of claimed) {
        const members = await manager.query<{ user_id: string }[]>(
          'SELECT user_id FROM company_members WHERE company_id = $1 ORDER BY user_id',
          [survey.company_id],
        );
        const expiresAt = followUpExpiry(survey.sent_at);
        const key = signFollowUpKey(this.config.jwtSecret, survey.id, expiresAt);
        await this.notifications.notify(manager, {
          kind: 'followup.survey',
          recipients: members.map((member) => member.user_id),
          params: {
            session: survey.title,
            company: survey.company_name,
            months: survey.months,
            count: survey.held,
            expiresAt: { at: expiresAt.toISOString() },
          },
          link: `/follow-up/${key}`,
          key: `followup.${survey.id}`,
        });
      }
      return claimed.length;
    });
  }
}
