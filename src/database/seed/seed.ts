import { DateTime } from 'luxon';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { CompanyMember } from '../../companies/company-member.entity';
import { Company } from '../../companies/company.entity';
import { normaliseTags } from '../../companies/tags';
import { DelegationApplication } from '../../delegations/delegation-application.entity';
import { Delegation } from '../../delegations/delegation.entity';
import { ItineraryItem } from '../../delegations/itinerary-item.entity';
import { replaceMatches, TOP_K } from '../../matching/match-store';
import { compileSession } from '../../matching/scoring/compile-session';
import { scoreTopMatches } from '../../matching/scoring/score-kernel';
import { DEFAULT_WEIGHTS } from '../../matching/scoring/scoring-types';
import { loadProfiles, toScoringSession } from '../../matching/session-inputs';
import { MeetingRequest } from '../../requests/meeting-request.entity';
import { Participant } from '../../sessions/participant.entity';
import { MatchmakingSession } from '../../sessions/session.entity';
import { User, type Role } from '../../users/user.entity';
import { DEMO_COMPANIES } from './demo-companies';
import { DEMO_PASSWORD } from './demo-credentials';
import { DEMO_DELEGATIONS, scheduleDemoDelegation } from './demo-delegations';
import { DEMO_OPPORTUNITIES } from './demo-opportunities';
import { DEMO_LIVE_SESSION, DEMO_SESSION } from './demo-sessions';
import { planAndPublish } from '../../scheduling/publish-schedule';
import type { AppConfig } from '../../config/app-config';
import { MeetingNotices } from '../../meetings/meeting-notices.service';
import { MeetingReminders } from '../../meetings/meeting-reminders.service';
import { NoticeWriter, type Notifier } from '../../notifications/notice-writer';
import { requestNotice } from '../../requests/request-notice';
import { Opportunity } from '../../opportunities/opportunity.entity';
import { pairConversation } from '../../conversations/conversations.service';
import { Message } from '../../conversations/message.entity';
import { seedProgramme, type ProgrammeSeedResult } from './seed-programme';

export { DEMO_PASSWORD };

export interface DemoLogin {
  email: string;
  role: Role;
  who: string;
}

function ownerOf(name: string): string {
  const company = DEMO_COMPANIES.find((demo) => demo.name === name);
  if (!company) throw new Error(`No demo company named ${name}`);
  return company.ownerEmail;
}

/** The accounts the launcher prints; every company owner can sign in too. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@trade-match.demo', role: 'admin', who: 'platform admin' },
  { email: 'grace.lau@hktpo.demo', role: 'organiser', who: 'Hong Kong trade-promotion office' },
  { email: 'daniel.tremblay@canexport.demo', role: 'organiser', who: 'Canadian export agency' },
  { email: ownerOf('Harbour Pay Systems'), role: 'member', who: 'Harbour Pay Systems (Hong Kong)' },
  {
    email: ownerOf('Maple Channel Partners'),
    role: 'member',
    who: 'Maple Channel Partners (Canada)',
  },
];

const STAFF: { email: string; name: string; role: Role }[] = [
  { email: 'admin@trade-match.demo', name: 'TradeMatch Admin', role: 'admin' },
  {
    email: 'grace.lau@hktpo.demo',
    name: 'Grace Lau, HK Trade Promotion Office',
    role: 'organiser',
  },
  {
    email: 'daniel.tremblay@canexport.demo',
    name: 'Daniel Tremblay, Canadian Export Agency',
    role: 'organiser',
  },
];

/**
 * What the demo's emails link to and sign their unsubscribe links with: the app's own. Without
 * them (`npm run seed` with no JWT_SECRET) the demo writes no notices.
 */
export type SeedLinks = Pick<AppConfig, 'appUrl' | 'jwtSecret'>;

const SILENT: Notifier = {
  notify: () => Promise.resolve({ notificationIds: [], outboxIds: [] }),
};

export interface SeedResult {
  users: number;
  companies: number;
  delegations: number;
  sessions: number;
  opportunities: number;
  programme: ProgrammeSeedResult;
}

async function seedUsers(manager: EntityManager, passwordHash: string): Promise<number> {
  const rows = [
    ...STAFF,
    ...DEMO_COMPANIES.map((company) => ({
      email: company.ownerEmail,
      name: `Business development, ${company.name}`,
      role: 'member' as const,
    })),
    // The demo's addresses are taken as verified: no reminder banner for the demo's accounts.
  ].map((user) => ({ ...user, passwordHash, emailVerifiedAt: new Date() }));
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(rows)
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}

async function seedCompanies(manager: EntityManager): Promise<number> {
  const rows = DEMO_COMPANIES.map(({ ownerEmail, ...profile }) => ({
    ...profile,
    offers: normaliseTags(profile.offers),
    seeks: normaliseTags(profile.seeks),
    status: 'verified' as const,
    statusChangedAt: new Date(),
  }));
  // Conflicts on (lower(name), country) leave an existing company as it is.
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(Company)
    .values(rows)
    .orIgnore()
    .execute();

  const owners = await manager.find(User, {
    where: { email: In(DEMO_COMPANIES.map((company) => company.ownerEmail)) },
  });
  const ownerId = new Map(owners.map((owner) => [owner.email, owner.id]));
  const companies = await manager.find(Company, {
    where: { name: In(DEMO_COMPANIES.map((company) => company.name)) },
  });
  const companyId = new Map(
    companies.map((company) => [`${company.name}|${company.country}`, company.id]),
  );
  const members = DEMO_COMPANIES.flatMap((company) => {
    const id = companyId.get(`${company.name}|${company.country}`);
    const userId = ownerId.get(company.ownerEmail);
    return id && userId ? [{ companyId: id, userId, role: 'owner' as const }] : [];
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(CompanyMember)
    .values(members)
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}

/** The demo delegations with their itineraries and applications; an existing title is kept. */
async function seedDelegations(manager: EntityManager): Promise<number> {
  const today = DateTime.utc();
  const organiser = await manager.findOneBy(User, { email: STAFF[1].email });
  let created = 0;
  for (const demo of DEMO_DELEGATIONS) {
    if (await manager.existsBy(Delegation, { title: demo.title })) continue;
    const { startsOn, endsOn, items } = scheduleDemoDelegation(demo, today);
    const { itinerary, applications, startsInDays, days, ...fields } = demo;
    const delegation = await manager.save(
      manager.create(Delegation, { ...fields, startsOn, endsOn, createdBy: organiser?.id ?? null }),
    );
    await manager.insert(
      ItineraryItem,
      items.map((item) => ({ ...item, delegationId: delegation.id })),
    );
    const companies = await manager.find(Company, {
      where: { name: In(applications.map(([name]) => name)) },
    });
    const companyId = new Map(companies.map((company) => [company.name, company.id]));
    const start = Date.now() - applications.length * 60_000;
    await manager.insert(
      DelegationApplication,
      applications.flatMap(([name, status], index) => {
        const id = companyId.get(name);
        // One minute apart, in the order listed, so the waitlist has an order.
        const at = new Date(start + index * 60_000);
        return id
          ? [
              {
                delegationId: delegation.id,
                companyId: id,
                status,
                createdAt: at,
                decidedAt: status === 'pending' ? null : at,
                decidedBy: status === 'pending' ? null : (organiser?.id ?? null),
                waitlistedAt: status === 'waitlisted' ? at : null,
              },
            ]
          : [];
      }),
    );
    created += 1;
  }
  return created;
}

type DemoSession = typeof DEMO_SESSION | typeof DEMO_LIVE_SESSION;

/**
 * A request's message starts or continues the pair's conversation, as in the product (issue 16):
 * written by the sending company's owner, read by its side, unread by the other.
 */
async function demoMessage(
  manager: EntityManager,
  from: Company,
  to: Company,
  text: string,
): Promise<void> {
  const conversation = await pairConversation(manager, from.id, to.id);
  const owner = await manager.findOneBy(CompanyMember, { companyId: from.id, role: 'owner' });
  const saved = await manager.save(
    manager.create(Message, {
      conversationId: conversation.id,
      companyId: from.id,
      senderId: owner?.userId ?? null,
      text,
    }),
  );
  const side = from.id === conversation.companyA ? 'a' : 'b';
  await manager.query(
    `UPDATE conversations SET ${side}_read_up_to = $2, ${side}_read_at = now() WHERE id = $1`,
    [conversation.id, saved.id],
  );
}

/**
 * One demo session with the Hong Kong and Canadian firms taking part, its requests, and its
 * matches scored at once with the same kernel the worker runs.
 */
async function createDemoSession(
  manager: EntityManager,
  notifier: Notifier,
  demo: DemoSession,
  window: { startsAt: Date; requestDeadline: Date },
  requestStatus: 'pending' | 'accepted',
): Promise<MatchmakingSession> {
  const organiser = await manager.findOneBy(User, { email: STAFF[1].email });
  const session = await manager.save(
    manager.create(MatchmakingSession, {
      title: demo.title,
      description: demo.description,
      mode: demo.mode,
      timezone: demo.timezone,
      startsAt: window.startsAt,
      endsAt: new Date(window.startsAt.getTime() + demo.hours * 3_600_000),
      slotMinutes: demo.slotMinutes,
      breakMinutes: demo.breakMinutes,
      maxMeetingsPerCompany: demo.maxMeetingsPerCompany,
      sides: demo.sides,
      crossBorderOnly: demo.crossBorderOnly,
      requestDeadline: window.requestDeadline,
      status: 'open',
      weights: { ...DEFAULT_WEIGHTS },
      createdBy: organiser?.id ?? null,
    }),
  );
  const firms = await manager.find(Company, { where: { country: In(demo.sides.flat()) } });
  await manager.insert(
    Participant,
    firms.map((firm) => ({ sessionId: session.id, companyId: firm.id, availability: [] })),
  );
  const byName = new Map(firms.map((firm) => [firm.name, firm]));
  for (const [from, to, message, hours] of demo.requests as [
    string,
    string,
    string,
    [number, number]?,
  ][]) {
    const fromCompany = byName.get(from);
    const toCompany = byName.get(to);
    if (!fromCompany || !toCompany) continue;
    await manager.insert(MeetingRequest, {
      sessionId: session.id,
      fromCompanyId: fromCompany.id,
      toCompanyId: toCompany.id,
      message,
      status: requestStatus,
      answeredAt: requestStatus === 'accepted' ? new Date() : null,
      windowFrom: hours ? new Date(window.startsAt.getTime() + hours[0] * 3_600_000) : null,
      windowTo: hours ? new Date(window.startsAt.getTime() + hours[1] * 3_600_000) : null,
    });
    await demoMessage(manager, fromCompany, toCompany, message);
    // The firms are told as in a real run: the receiver of the request, the sender of the answer.
    const about = { session, fromCompany, toCompany };
    await notifier.notify(
      manager,
      await requestNotice(manager, 'request.received', { status: 'pending', message }, about),
    );
    if (requestStatus === 'accepted') {
      await notifier.notify(
        manager,
        await requestNotice(manager, 'request.answered', { status: 'accepted', message }, about),
      );
    }
  }
  const profiles = await loadProfiles(manager, session.id);
  const compiled = compileSession(profiles, toScoringSession(session));
  const top = scoreTopMatches(compiled, { k: TOP_K });
  await replaceMatches(
    manager,
    session.id,
    session.scoreGeneration,
    compiled.ids,
    top,
    compiled.ids.keys(),
  );
  return session;
}

/**
 * The demo video sessions between the Hong Kong and Canadian firms: one a month ahead, open for
 * requests, and one on right now with its schedule published (the worker turns it live as it
 * starts, and its slot clock runs).
 */
async function seedSessions(
  manager: EntityManager,
  notifier: Notifier,
  appUrl: string,
): Promise<number> {
  let created = 0;
  if (!(await manager.existsBy(MatchmakingSession, { title: DEMO_SESSION.title }))) {
    const startsAt = DateTime.utc()
      .setZone(DEMO_SESSION.timezone)
      .startOf('day')
      .plus({ days: DEMO_SESSION.startsInDays })
      .set(DEMO_SESSION.localStart);
    await createDemoSession(
      manager,
      notifier,
      DEMO_SESSION,
      {
        startsAt: startsAt.toJSDate(),
        requestDeadline: startsAt.minus({ days: DEMO_SESSION.deadlineDaysBefore }).toJSDate(),
      },
      'pending',
    );
    created += 1;
  }
  const now = new Date();
  const liveNow = await manager.existsBy(MatchmakingSession, {
    title: DEMO_LIVE_SESSION.title,
    endsAt: MoreThan(now),
  });
  if (!liveNow) {
    const tenMinutes = 10 * 60_000;
    const startsAt = new Date(Math.floor(now.getTime() / tenMinutes) * tenMinutes);
    const endsAt = new Date(startsAt.getTime() + DEMO_LIVE_SESSION.hours * 3_600_000);
    const session = await createDemoSession(
      manager,
      notifier,
      DEMO_LIVE_SESSION,
      { startsAt, requestDeadline: endsAt },
      'accepted',
    );
    // Published as if just before it began, so the running slot has meetings too; the firms get
    // their agendas and reminders as from the worker's publish (MeetingNotices).
    const app = { appUrl };
    const notices = new MeetingNotices(notifier, new MeetingReminders(notifier, app), app);
    const before = await notices.agendaBefore(manager, session.id);
    const published = await planAndPublish(manager, session, new Date(startsAt.getTime() - 1));
    await notices.schedulePublished(manager, session, true, before, published.companies);
    created += 1;
  }
  return created;
}

/**
 * Loads the demo of SPEC.md: an admin, two organisers, the Hong Kong, Canadian and partner
 * economies' firms (each verified and owned by its own account), an outbound Hong Kong ICT
 * delegation to Finland, an inbound Canadian delegation to an ICT exhibition in Hong Kong, and a
 * video matchmaking session between the Hong Kong and Canadian firms with its matches scored, and
 * a handful of posts on the opportunities board, and the cooperation programme above them (partner
 * economies, agreements, seminars, past sessions with follow-ups: seed-programme.ts). Idempotent:
 * what exists stays.
 * The worker's start-up sweep builds the companies' search documents.
 *
 * The sessions' requests, answers and published schedule write the notifications and outbox
 * emails a real run would (NoticeWriter, the `notify` of the API and worker without their queues),
 * so the demo firms' bells are not empty; the worker's outbox sweeper sends the emails.
 */
export async function seedDemo(
  dataSource: DataSource,
  links: SeedLinks | null = null,
): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const notifier: Notifier = links ? new NoticeWriter(links) : SILENT;
  return dataSource.transaction(async (manager) => {
    const users = await seedUsers(manager, passwordHash);
    const companies = await seedCompanies(manager);
    // Before the sessions: their notices are written in each reader's language and zone.
    await seedSettings(manager);
    return {
      users,
      companies,
      delegations: await seedDelegations(manager),
      // The calendars' room links: the app's address (any, when nothing is written).
      sessions: await seedSessions(manager, notifier, links?.appUrl ?? 'http://localhost:3000'),
      opportunities: await seedOpportunities(manager),
      // Last: it puts the sessions and delegations above under their partner economies.
      programme: await seedProgramme(manager, links ? notifier : null),
    };
  });
}

/**
 * The demo's opportunities board (demo-opportunities.ts), posted the day the demo is loaded; a
 * title already there is kept (and, with it, its deadline).
 */
async function seedOpportunities(manager: EntityManager): Promise<number> {
  const companies = await manager.find(Company, {
    where: { name: In(DEMO_COMPANIES.map((c) => c.name)) },
  });
  const users = await manager.find(User, {
    where: {
      email: In([...DEMO_COMPANIES.map((c) => c.ownerEmail), ...STAFF.map((u) => u.email)]),
    },
  });
  const companyByName = new Map(companies.map((company) => [company.name, company]));
  const userByEmail = new Map(users.map((user) => [user.email, user]));
  const today = DateTime.utc();
  let created = 0;
  for (const demo of DEMO_OPPORTUNITIES) {
    if (await manager.existsBy(Opportunity, { title: demo.title })) continue;
    const company = demo.company ? companyByName.get(demo.company) : undefined;
    if (demo.company && !company) continue;
    const poster = company
      ? userByEmail.get(ownerOf(company.name))
      : userByEmail.get(demo.organiser ?? '');
    const { deadlineInDays, company: _company, organiser: _organiser, ...fields } = demo;
    await manager.insert(Opportunity, {
      ...fields,
      deadline:
        deadlineInDays === null
          ? null
          : today.plus({ days: deadlineInDays }).startOf('hour').toJSDate(),
      companyId: company?.id ?? null,
      postedById: poster?.id ?? null,
    });
    created += 1;
  }
  return created;
}

/**
 * Each demo firm's users read their emails and notifications in their company's time zone (Hong
 * Kong's in Traditional Chinese), as if the browser had said so at sign-up; what a user changed
 * stays.
 */
async function seedSettings(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO user_settings (user_id, language, timezone)
     SELECT DISTINCT ON (m.user_id) m.user_id,
            CASE WHEN c.country IN ('HK', 'TW') THEN 'zh-Hant' ELSE 'en' END, c.timezone
       FROM company_members m JOIN companies c ON c.id = m.company_id
      ORDER BY m.user_id, m.created_at
     ON CONFLICT (user_id) DO NOTHING`,
  );
}
