import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, type FieldErrors } from '../common/app-error';
import type { WireFieldRules } from '../common/field-rules.wire';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MatchmakingSession } from '../sessions/session.entity';
import { buildSlots } from '../sessions/slots';
import type { AnswerFollowUpDto } from './dto/follow-up.dto';
import { readFollowUpKey } from './follow-up-key';
import { FollowUpSurvey } from './follow-up-survey.entity';
import type {
  WireFollowUp,
  WireFollowUpAnswer,
  WireFollowUpMeeting,
  WireFollowUpSaved,
  WireSessionFollowUps,
} from './follow-ups.wire';

interface HeldMeetingRow {
  id: string;
  slot_index: number;
  other_id: string;
  other_name: string;
  other_country: string;
  feedback_outcome: WireFollowUpAnswer['outcome'] | null;
}

interface AnswerRow {
  meeting_id: string;
  outcome: WireFollowUpAnswer['outcome'];
  value_band: WireFollowUpAnswer['valueBand'];
  note: string;
  answered_at: Date;
}

interface Opened {
  survey: FollowUpSurvey;
  expiresAt: Date;
}

/**
 * What a firm says came of its meetings, months after a session (SPEC "Programme"): read and
 * answered by the holder of a survey's emailed link, no sign-in; organisers see the status.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async read(key: string): Promise<WireFollowUp> {
    const opened = await this.open(this.dataSource.manager, key);
    return this.view(this.dataSource.manager, opened);
  }

  /**
   * Keeps every answer as a new row (the history), all in one transaction: one bad meeting id
   * and nothing is written.
   */
  async answer(key: string, body: AnswerFollowUpDto): Promise<WireFollowUpSaved> {
    return this.dataSource.transaction(async (manager) => {
      const opened = await this.open(manager, key);
      const { survey } = opened;
      const held = new Set((await this.heldMeetings(manager, survey)).map((row) => row.id));
      const fields: FieldErrors = {};
      const rules: WireFieldRules = {};
      const seen = new Set<string>();
      body.answers.forEach((answer, index) => {
        const field = `answers[${index}].meetingId`;
        if (!held.has(answer.meetingId)) {
          fields[field] = ['must be a meeting your firm held in this session'];
          rules[field] = [{ rule: 'exists' }];
        } else if (seen.has(answer.meetingId)) {
          fields[field] = ['answers the same meeting twice'];
          rules[field] = [{ rule: 'distinct' }];
        }
        seen.add(answer.meetingId);
      });
      if (Object.keys(fields).length > 0) throw AppError.invalid(fields, rules);
      await manager.query(
        `INSERT INTO follow_up_answers (survey_id, meeting_id, company_id, outcome, value_band, note)
         SELECT $1, a.meeting_id, $2, a.outcome::meeting_outcome, a.value_band, a.note
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[])
                AS a(meeting_id, outcome, value_band, note)`,
        [
          survey.id,
          survey.companyId,
          body.answers.map((answer) => answer.meetingId),
          body.answers.map((answer) => answer.outcome),
          body.answers.map((answer) => answer.valueBand ?? null),
          body.answers.map((answer) => (answer.note ?? '').trim()),
        ],
      );
      return { saved: body.answers.length, followUp: await this.view(manager, opened) };
    });
  }

  /** A session's surveys, whether each was sent and answered, and the current outcomes. */
  async sessionStatus(sessionId: string): Promise<WireSessionFollowUps> {
    const session = await this.dataSource
      .getRepository(MatchmakingSession)
      .findOneBy({ id: sessionId });
    if (!session) throw AppError.notFound('session', sessionId);
    const [surveys, latest] = await Promise.all([
      this.dataSource.query<
        {
          id: string;
          company_id: string;
          name: string;
          country: string;
          months: number;
          due_at: Date;
          sent_at: Date | null;
          answered_at: Date | null;
        }[]
      >(
        `SELECT s.id, s.company_id, c.name, c.country, s.months, s.due_at, s.sent_at,
                (SELECT max(a.answered_at) FROM follow_up_answers a WHERE a.survey_id = s.id) AS answered_at
           FROM follow_up_surveys s JOIN companies c ON c.id = s.company_id
          WHERE s.session_id = $1
          ORDER BY s.months, c.name, s.id`,
        [sessionId],
      ),
      this.dataSource.query<
        {
          meeting_id: string;
          company_id: string;
          outcome: WireFollowUpAnswer['outcome'];
          value_band: WireFollowUpAnswer['valueBand'];
          answered_at: Date;
        }[]
      >(
        `SELECT DISTINCT ON (a.meeting_id, a.company_id)
                a.meeting_id, a.company_id, a.outcome, a.value_band, a.answered_at
           FROM follow_up_answers a JOIN meetings m ON m.id = a.meeting_id
          WHERE m.session_id = $1
          ORDER BY a.meeting_id, a.company_id, a.answered_at DESC, a.id DESC`,
        [sessionId],
      ),
    ]);
    return {
      followUpMonths: [...session.followUpMonths].sort((a, b) => a - b),
      surveys: surveys.map((row) => ({
        id: row.id,
        company: { id: row.company_id, name: row.name, country: row.country },
        months: row.months,
        dueAt: row.due_at.toISOString(),
        sentAt: row.sent_at?.toISOString() ?? null,
        answeredAt: row.answered_at?.toISOString() ?? null,
      })),
      latest: latest.map((row) => ({
        meetingId: row.meeting_id,
        companyId: row.company_id,
        outcome: row.outcome,
        valueBand: row.value_band,
        answeredAt: row.answered_at.toISOString(),
      })),
    };
  }

  /**
   * The survey a key names: 404 for a key that is not well signed or names no survey (any more),
   * 410 once it has expired (checked after the signature, so an expiry cannot be forged).
   */
  private async open(manager: EntityManager, key: string): Promise<Opened> {
    const reading = readFollowUpKey(this.config.jwtSecret, key);
    if (!reading.valid) throw AppError.notFound('follow_up');
    if (reading.expiresAt.getTime() <= Date.now()) {
      throw AppError.gone(
        'follow_up.expired',
        'This follow-up link has expired: please ask the organisers of the session for a new one',
      );
    }
    const survey = await manager.findOneBy(FollowUpSurvey, { id: reading.surveyId });
    if (!survey || !survey.sentAt) throw AppError.notFound('follow_up');
    return { survey, expiresAt: reading.expiresAt };
  }

  private heldMeetings(manager: EntityManager, survey: FollowUpSurvey): Promise<HeldMeetingRow[]> {
    return manager.query<HeldMeetingRow[]>(
      `SELECT m.id, m.slot_index, o.id AS other_id, o.name AS other_name, o.country AS other_country,
              f.outcome AS feedback_outcome
         FROM meetings m
         JOIN companies o ON o.id = CASE WHEN m.company_a = $2 THEN m.company_b ELSE m.company_a END
         LEFT JOIN meeting_feedback f ON f.meeting_id = m.id AND f.company_id = $2
        WHERE m.session_id = $1 AND m.status = 'held' AND $2 IN (m.company_a, m.company_b)
        ORDER BY m.slot_index, o.name, m.id`,
      [survey.sessionId, survey.companyId],
    );
  }

  /**
   * One read after another, not at once: `answer` passes its transaction's manager, a single
   * connection, where reads issued at once only queue up, and pg warns about it (deprecated in pg 8,
   * gone in pg 9).
   */
  private async view(manager: EntityManager, { survey, expiresAt }: Opened): Promise<WireFollowUp> {
    const session = await manager.findOneOrFail(MatchmakingSession, {
      where: { id: survey.sessionId },
      relations: { partner: true },
    });
    const company = await manager.query<{ id: string; name: string; country: string }[]>(
      'SELECT id, name, country FROM companies WHERE id = $1',
      [survey.companyId],
    );
    const meetings = await this.heldMeetings(manager, survey);
    const answers = await manager.query<AnswerRow[]>(
      `SELECT a.meeting_id, a.outcome, a.value_band, a.note, a.answered_at
         FROM follow_up_answers a JOIN meetings m ON m.id = a.meeting_id
        WHERE m.session_id = $1 AND a.company_id = $2
        ORDER BY a.answered_at DESC, a.id DESC`,
      [survey.sessionId, survey.companyId],
    );
    const slots = buildSlots(session);
    const byMeeting = new Map<string, WireFollowUpAnswer[]>();
    for (const row of answers) {
      const list = byMeeting.get(row.meeting_id) ?? [];
      list.push({
        outcome: row.outcome,
        valueBand: row.value_band,
        note: row.note,
        answeredAt: row.answered_at.toISOString(),
      });
      byMeeting.set(row.meeting_id, list);
    }
    const partner = session.partner;
    return {
      months: survey.months,
      sentAt: survey.sentAt?.toISOString() ?? null,
      expiresAt: expiresAt.toISOString(),
      company: company[0],
      session: {
        id: session.id,
        title: session.title,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        timezone: session.timezone,
        partner: partner ? { id: partner.id, name: partner.name, country: partner.country } : null,
      },
      meetings: meetings.map((row): WireFollowUpMeeting => ({
        meetingId: row.id,
        startsAt: slots[row.slot_index]?.startsAt.toISOString() ?? session.startsAt.toISOString(),
        otherCompany: { id: row.other_id, name: row.other_name, country: row.other_country },
        feedbackOutcome: row.feedback_outcome,
        answers: byMeeting.get(row.id) ?? [],
      })),
    };
  }
}
