import { DateTime } from 'luxon';
import { In, IsNull, type EntityManager } from 'typeorm';
import { CompanyMember } from '../../companies/company-member.entity';
import { Company } from '../../companies/company.entity';
import { Delegation } from '../../delegations/delegation.entity';
import { FollowUpAnswer } from '../../follow-ups/follow-up-answer.entity';
import { FollowUpSurvey } from '../../follow-ups/follow-up-survey.entity';
import { MeetingFeedback } from '../../meetings/feedback.entity';
import { Meeting } from '../../meetings/meeting.entity';
import { DEFAULT_WEIGHTS } from '../../matching/scoring/scoring-types';
import { Agreement } from '../../partners/agreement.entity';
import { Partner } from '../../partners/partner.entity';
import { dueAgreements, remindOfAgreement } from '../../partners/agreement-reminders.service';
import { todayUtc } from '../../partners/agreement-status';
import type { Notifier } from '../../notifications/notice-writer';
import { SeminarRegistration } from '../../seminars/seminar-registration.entity';
import { Seminar } from '../../seminars/seminar.entity';
import { Participant } from '../../sessions/participant.entity';
import { MatchmakingSession } from '../../sessions/session.entity';
import { User } from '../../users/user.entity';
import {
  DEMO_ACTIVITY_PARTNERS,
  DEMO_PARTNERS,
  DEMO_PAST_SESSIONS,
  DEMO_SEMINARS,
  STORY_MONTH,
  type DemoAgreement,
  type DemoPastSession,
  type DemoSeminar,
} from './demo-programme';

const ZONE = 'Asia/Hong_Kong';
const ORGANISER_EMAIL = 'grace.lau@hktpo.demo';

export interface ProgrammeSeedResult {
  partners: number;
  seminars: number;
  pastSessions: number;
}

/** Months from the paper's December 2002 to this month: the paper's dates move by as many. */
function storyShift(today: DateTime): number {
  return (today.year - STORY_MONTH.year) * 12 + (today.month - STORY_MONTH.month);
}

/** A paper date moved to today's calendar (same day of the month where the month has it). */
function moved(date: string | null, shift: number): string | null {
  return date === null
    ? null
    : DateTime.fromISO(date, { zone: 'utc' }).plus({ months: shift }).toISODate();
}

/** Owner of each named company, with the company. */
async function owners(
  manager: EntityManager,
  names: string[],
): Promise<Map<string, { company: Company; userId: string }>> {
  const companies = await manager.find(Company, { where: { name: In(names) } });
  const members = await manager.find(CompanyMember, {
    where: { companyId: In(companies.map((company) => company.id)), role: 'owner' },
  });
  const ownerOf = new Map(members.map((member) => [member.companyId, member.userId]));
  const result = new Map<string, { company: Company; userId: string }>();
  for (const company of companies) {
    const userId = ownerOf.get(company.id);
    if (userId) result.set(company.name, { company, userId });
  }
  return result;
}

async function seedPartners(manager: EntityManager, today: DateTime): Promise<number> {
  const shift = storyShift(today);
  let created = 0;
  for (const demo of DEMO_PARTNERS) {
    if (await manager.existsBy(Partner, { country: demo.country })) continue;
    const { agreements, ...fields } = demo;
    const partner = await manager.save(manager.create(Partner, fields));
    for (const agreement of agreements) {
      await manager.insert(Agreement, agreementRow(partner.id, agreement, shift));
    }
    created += 1;
  }
  return created;
}

/** A signed agreement is stored `active`: its status on the wire follows from its dates. */
function agreementRow(partnerId: string, demo: DemoAgreement, shift: number): Partial<Agreement> {
  const { planned, ...fields } = demo;
  return {
    ...fields,
    partnerId,
    signedOn: moved(demo.signedOn, shift),
    expiresOn: moved(demo.expiresOn, shift),
    documentUrl: null,
    status: planned ? 'planned' : 'active',
  };
}

/** The other demo activities (sessions, delegations) under their partner economies. */
async function linkActivities(manager: EntityManager): Promise<void> {
  const partners = await manager.find(Partner, { relations: { agreements: true } });
  const byCountry = new Map(partners.map((partner) => [partner.country, partner]));
  for (const [title, country] of Object.entries(DEMO_ACTIVITY_PARTNERS)) {
    const partner = byCountry.get(country);
    if (!partner) continue;
    const link = { partnerId: partner.id, agreementId: currentAgreement(partner)?.id ?? null };
    await manager.update(MatchmakingSession, { title, partnerId: IsNull() }, link);
    await manager.update(Delegation, { title, partnerId: IsNull() }, link);
  }
}

/** The partner's signed agreement that is not yet replaced by a renewal. */
function currentAgreement(partner: Partner): Agreement | undefined {
  return partner.agreements.find(
    (agreement) => agreement.status !== 'planned' && agreement.status !== 'renewed',
  );
}

async function seedSeminars(manager: EntityManager, today: DateTime): Promise<number> {
  const organiser = await manager.findOneBy(User, { email: ORGANISER_EMAIL });
  let created = 0;
  for (const demo of DEMO_SEMINARS) {
    if (await manager.existsBy(Seminar, { title: demo.title })) continue;
    await seedSeminar(manager, today, demo, organiser?.id ?? null);
    created += 1;
  }
  return created;
}

async function seedSeminar(
  manager: EntityManager,
  today: DateTime,
  demo: DemoSeminar,
  organiserId: string | null,
): Promise<void> {
  const partner = await manager.findOne(Partner, {
    where: { country: demo.partner },
    relations: { agreements: true },
  });
  const startsAt = today
    .setZone(ZONE)
    .startOf('day')
    .plus({ days: demo.inDays })
    .set({ hour: 14, minute: 30 });
  const { registrations, inDays: _inDays, hours, partner: _partner, ...fields } = demo;
  const seminar = await manager.save(
    manager.create(Seminar, {
      ...fields,
      startsAt: startsAt.toJSDate(),
      endsAt: startsAt.plus({ hours }).toJSDate(),
      timezone: ZONE,
      partnerId: partner?.id ?? null,
      agreementId: partner ? (currentAgreement(partner)?.id ?? null) : null,
      createdBy: organiserId,
    }),
  );
  const past = demo.inDays < 0;
  const people = await owners(manager, registrations);
  const rows = registrations.flatMap((name, index) => {
    const owner = people.get(name);
    if (!owner) return [];
    // The last one registered did not come (past seminars).
    const came = past && index < registrations.length - 1;
    return [
      {
        seminarId: seminar.id,
        companyId: owner.company.id,
        userId: owner.userId,
        status: 'registered' as const,
        checkedInAt: came ? startsAt.plus({ minutes: 5 + index }).toJSDate() : null,
        checkedInBy: came ? organiserId : null,
      },
    ];
  });
  if (rows.length > 0) await manager.insert(SeminarRegistration, rows);
}

async function seedPastSessions(manager: EntityManager, today: DateTime): Promise<number> {
  let created = 0;
  for (const demo of DEMO_PAST_SESSIONS) {
    if (await manager.existsBy(MatchmakingSession, { title: demo.title })) continue;
    await seedPastSession(manager, today, demo);
    created += 1;
  }
  return created;
}

/**
 * A closed video session: its meetings held (one a no-show), both sides' feedback, and the
 * follow-ups sent 3 and 6 months after it closed (those due by today) with the first firm's answers.
 */
async function seedPastSession(
  manager: EntityManager,
  today: DateTime,
  demo: DemoPastSession,
): Promise<void> {
  const organiser = await manager.findOneBy(User, { email: ORGANISER_EMAIL });
  const partner = await manager.findOne(Partner, {
    where: { country: demo.partner },
    relations: { agreements: true },
  });
  const names = [...demo.meetings.flatMap((meeting) => meeting.firms), ...demo.noShow];
  const people = await owners(manager, names);
  const startsAt = today
    .setZone(ZONE)
    .startOf('day')
    .minus({ months: demo.monthsAgo })
    .set({ hour: 7, minute: 30 });
  const endsAt = startsAt.plus({ hours: 3 });
  const closedAt = endsAt.plus({ hours: 1 });
  const session = await manager.save(
    manager.create(MatchmakingSession, {
      title: demo.title,
      description: demo.description,
      mode: 'video',
      timezone: ZONE,
      startsAt: startsAt.toJSDate(),
      endsAt: endsAt.toJSDate(),
      slotMinutes: 20,
      breakMinutes: 5,
      maxMeetingsPerCompany: 6,
      sides: demo.sides,
      crossBorderOnly: true,
      requestDeadline: startsAt.minus({ days: 3 }).toJSDate(),
      status: 'closed',
      statusChangedAt: closedAt.toJSDate(),
      weights: { ...DEFAULT_WEIGHTS },
      createdBy: organiser?.id ?? null,
      partnerId: partner?.id ?? null,
      agreementId: partner ? (currentAgreement(partner)?.id ?? null) : null,
    }),
  );
  const companyIds = [...new Set(names)].flatMap((name) => {
    const owner = people.get(name);
    return owner ? [owner.company.id] : [];
  });
  await manager.insert(
    Participant,
    companyIds.map((companyId) => ({ sessionId: session.id, companyId, availability: [] })),
  );
  const pairs = [
    ...demo.meetings.map((meeting) => ({ meeting, firms: meeting.firms })),
    { meeting: null, firms: demo.noShow },
  ];
  const held: {
    meetingId: string;
    companyIds: [string, string];
    answers: (typeof demo.meetings)[number]['answers'];
  }[] = [];
  for (const [slotIndex, { meeting, firms }] of pairs.entries()) {
    const a = people.get(firms[0]);
    const b = people.get(firms[1]);
    if (!a || !b) continue;
    const [companyA, companyB] = [a.company.id, b.company.id].sort();
    const saved = await manager.save(
      manager.create(Meeting, {
        sessionId: session.id,
        slotIndex,
        companyA,
        companyB,
        status: meeting ? 'held' : 'no-show',
        origin: 'accepted',
        roomId: null,
      }),
    );
    if (!meeting) continue;
    await manager.insert(
      MeetingFeedback,
      [a, b].map((side, index) => ({
        meetingId: saved.id,
        companyId: side.company.id,
        rating: meeting.ratings[index],
        outcome: meeting.feedback,
        comment: '',
        givenBy: side.userId,
      })),
    );
    held.push({
      meetingId: saved.id,
      companyIds: [a.company.id, b.company.id],
      answers: meeting.answers,
    });
  }
  // Every firm that held a meeting is asked at 3 and 6 months; surveys due by today were sent.
  const firms = [...new Set(held.flatMap((meeting) => meeting.companyIds))];
  const surveys = new Map<string, FollowUpSurvey>();
  for (const companyId of firms) {
    for (const months of session.followUpMonths) {
      const dueAt = closedAt.plus({ months });
      const sent = dueAt <= today;
      const survey = await manager.save(
        manager.create(FollowUpSurvey, {
          sessionId: session.id,
          companyId,
          months,
          dueAt: dueAt.toJSDate(),
          sentAt: sent ? dueAt.toJSDate() : null,
        }),
      );
      surveys.set(`${companyId}|${months}`, survey);
    }
  }
  for (const meeting of held) {
    for (const answer of meeting.answers) {
      const survey = surveys.get(`${meeting.companyIds[0]}|${answer.months}`);
      if (!survey?.sentAt) continue;
      await manager.insert(FollowUpAnswer, {
        surveyId: survey.id,
        meetingId: meeting.meetingId,
        companyId: meeting.companyIds[0],
        outcome: answer.outcome,
        valueBand: answer.valueBand ?? null,
        note: answer.note ?? '',
        answeredAt: DateTime.fromJSDate(survey.sentAt).plus({ days: 2 }).toJSDate(),
      });
    }
  }
}

/**
 * The programme of the demo (demo-programme.ts): the partner economies and their agreements, the
 * demo's sessions and delegations under them, seminars (one ahead with French firms, one held),
 * and past sessions with their feedback and follow-up answers, so that the programme report tells
 * the paper's story at once; the organisers' reminder of the agreement due is written with them.
 * Idempotent: a partner economy, seminar or session already there stays, and a reminder is sent
 * once.
 */
export async function seedProgramme(
  manager: EntityManager,
  notifier: Notifier | null,
  now = new Date(),
): Promise<ProgrammeSeedResult> {
  const today = DateTime.fromJSDate(now, { zone: 'utc' });
  const partners = await seedPartners(manager, today);
  // The organisers are reminded at once of the agreement due (Canada's), as the worker's daily
  // run would; without links to write notices with, that daily run does it.
  if (notifier) {
    for (const row of await dueAgreements(manager, todayUtc(now))) {
      await remindOfAgreement(manager, notifier, row, todayUtc(now));
    }
  }
  await linkActivities(manager);
  return {
    partners,
    seminars: await seedSeminars(manager, today),
    pastSessions: await seedPastSessions(manager, today),
  };
}
