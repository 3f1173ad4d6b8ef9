import type { DataSource } from 'typeorm';
import { withDataSource } from '../src/database/migrate';
import { DEMO_COMPANIES } from '../src/database/seed/demo-companies';
import { DEMO_OPPORTUNITIES } from '../src/database/seed/demo-opportunities';
import { DEMO_LOGINS, seedDemo } from '../src/database/seed/seed';
import { agreementStatusOn, todayUtc } from '../src/partners/agreement-status';
import type { AgreementStatus } from '../src/partners/partners.wire';
import {
  DEMO_PARTNERS,
  DEMO_PAST_SESSIONS,
  DEMO_SEMINARS,
} from '../src/database/seed/demo-programme';
import { fitsDelegationDays } from '../src/delegations/delegation-time';
import { testConfig } from './support/app';
import { scratchDatabase } from './support/scratch-database';

/** The demo on a database of its own, so that its companies do not disturb the other suites. */
describe('npm run seed (the demo)', () => {
  const scratch = scratchDatabase('seed');
  const url = scratch.url;
  const links = testConfig();

  beforeAll(() => scratch.create());
  afterAll(() => scratch.drop());

  it('loads the Hong Kong story once, however often it runs', async () => {
    const first = await withDataSource(url, (db) => seedDemo(db, links));
    expect(first).toEqual({
      users: 3 + DEMO_COMPANIES.length,
      companies: DEMO_COMPANIES.length,
      delegations: 2,
      sessions: 2,
      opportunities: DEMO_OPPORTUNITIES.length,
      programme: {
        partners: DEMO_PARTNERS.length,
        seminars: DEMO_SEMINARS.length,
        pastSessions: DEMO_PAST_SESSIONS.length,
      },
    });
    expect(await withDataSource(url, (db) => seedDemo(db, links))).toEqual({
      users: 0,
      companies: 0,
      delegations: 0,
      sessions: 0,
      opportunities: 0,
      programme: { partners: 0, seminars: 0, pastSessions: 0 },
    });

    await withDataSource(url, async (db: DataSource) => {
      const countries = await db.query<{ country: string; n: number }[]>(
        "SELECT country, count(*)::int AS n FROM companies WHERE status = 'verified' GROUP BY country",
      );
      const byCountry = Object.fromEntries(countries.map((row) => [row.country, row.n]));
      expect(Object.keys(byCountry).sort()).toEqual([
        'AU',
        'CA',
        'DE',
        'FI',
        'FR',
        'GB',
        'HK',
        'IL',
        'IN',
        'IT',
        'KR',
        'NL',
      ]);
      expect(byCountry.HK).toBeGreaterThanOrEqual(20);
      expect(byCountry.CA).toBeGreaterThanOrEqual(15);
      const [{ owned }] = await db.query<{ owned: number }[]>(
        "SELECT count(DISTINCT company_id)::int AS owned FROM company_members WHERE role = 'owner'",
      );
      expect(owned).toBe(DEMO_COMPANIES.length);
      const logins = await db.query<{ email: string; role: string }[]>(
        'SELECT email, role::text FROM users WHERE email = ANY($1::text[]) ORDER BY email',
        [DEMO_LOGINS.map((login) => login.email)],
      );
      expect(logins).toEqual(
        DEMO_LOGINS.map(({ email, role }) => ({ email, role })).sort((a, b) =>
          a.email.localeCompare(b.email),
        ),
      );
      const roles = await db.query<{ role: string; n: number }[]>(
        'SELECT role, count(*)::int AS n FROM users GROUP BY role ORDER BY role::text',
      );
      expect(roles).toEqual([
        { role: 'admin', n: 1 },
        { role: 'member', n: DEMO_COMPANIES.length },
        { role: 'organiser', n: 2 },
      ]);
      // Each request's message is in the pair's conversation, read by its sender's side only.
      const [{ requests }] = await db.query<{ requests: number }[]>(
        "SELECT count(*)::int AS requests FROM meeting_requests WHERE message <> ''",
      );
      const messages = await db.query<
        { text: string; read_by_sender: boolean; read_by_other: boolean }[]
      >(
        `SELECT m.text,
                m.id = CASE WHEN m.company_id = c.company_a THEN c.a_read_up_to ELSE c.b_read_up_to END
                  OR m.sent_at < (SELECT sent_at FROM messages WHERE id = CASE WHEN m.company_id = c.company_a THEN c.a_read_up_to ELSE c.b_read_up_to END)
                  AS read_by_sender,
                COALESCE(m.id = CASE WHEN m.company_id = c.company_a THEN c.b_read_up_to ELSE c.a_read_up_to END, false)
                  AS read_by_other
           FROM messages m JOIN conversations c ON c.id = m.conversation_id`,
      );
      expect(requests).toBeGreaterThan(0);
      expect(messages).toHaveLength(requests);
      expect(messages.every((m) => m.read_by_sender && !m.read_by_other)).toBe(true);
    });
  });

  it('tells the programme’s story: twelve partner economies, Canada’s agreement due, a French seminar, past sessions with follow-ups', async () => {
    await withDataSource(url, async (db: DataSource) => {
      const stored = await db.query<
        {
          country: string;
          status: AgreementStatus;
          signed_on: string | null;
          expires_on: string | null;
        }[]
      >(
        `SELECT p.country, a.status, a.signed_on::text, a.expires_on::text
           FROM partners p JOIN agreements a ON a.partner_id = p.id ORDER BY a.signed_on NULLS LAST`,
      );
      // As the wire shows them today (signed ones are stored active; the dates decide).
      const agreements = stored.map((row) => ({
        ...row,
        status: agreementStatusOn(row.status, row.expires_on, todayUtc()),
      }));
      expect(agreements.map((row) => row.country)).toEqual([
        'CA',
        'AU',
        'GB',
        'FI',
        'IN',
        'IL',
        'KR',
        'DE',
        'FR',
        'NL',
        'IT',
        'IE',
      ]);
      const byCountry = new Map(agreements.map((row) => [row.country, row]));
      // Today plays December 2002: Canada's (May 1998 – May 2003) expires five months from now.
      const canada = byCountry.get('CA')!;
      expect(canada.status).toBe('renewal-due');
      const monthsLeft = (Date.parse(canada.expires_on!) - Date.now()) / (30.44 * 86_400_000);
      expect(monthsLeft).toBeGreaterThan(4);
      expect(monthsLeft).toBeLessThan(6);
      expect(Number(canada.expires_on!.slice(0, 4)) - Number(canada.signed_on!.slice(0, 4))).toBe(
        5,
      );
      expect(canada.expires_on!.slice(5, 7)).toBe('05');
      expect(byCountry.get('IE')).toMatchObject({ status: 'planned', signed_on: null });
      expect(agreements.filter((row) => row.status === 'active')).toHaveLength(10);
      // The organisers are reminded of it at once (in the bell and by email), once.
      const reminders = await db.query<{ email: string; link: string }[]>(
        `SELECT u.email, n.link FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.kind = 'agreement.expiring' ORDER BY u.email`,
      );
      expect(reminders.map((row) => row.email)).toEqual([
        'admin@trade-match.demo',
        'daniel.tremblay@canexport.demo',
        'grace.lau@hktpo.demo',
      ]);
      expect(reminders[0].link).toMatch(/^\/organise\/partners\/[0-9a-f-]{36}$/);

      // The demo's sessions and the Finland mission are held under their partner economies.
      const linked = await db.query<{ title: string; country: string }[]>(
        `SELECT s.title, p.country FROM sessions s JOIN partners p ON p.id = s.partner_id
          UNION ALL
         SELECT d.title, p.country FROM delegations d JOIN partners p ON p.id = d.partner_id`,
      );
      expect(linked.filter((row) => row.country === 'CA').length).toBeGreaterThanOrEqual(4);
      expect(linked).toContainEqual({ title: 'Hong Kong ICT Mission to Finland', country: 'FI' });

      // The smart-card and e-payment seminar, with French firms registered, is ahead.
      const [seminar] = await db.query<{ country: string; future: boolean; french: number }[]>(
        `SELECT p.country, s.starts_at > now() AS future,
                count(*) FILTER (WHERE c.country = 'FR')::int AS french
           FROM seminars s JOIN partners p ON p.id = s.partner_id
           JOIN seminar_registrations r ON r.seminar_id = s.id
           JOIN companies c ON c.id = r.company_id
          WHERE s.title LIKE 'Smart Cards and Electronic Payment%'
          GROUP BY p.country, s.starts_at`,
      );
      expect(seminar).toEqual({ country: 'FR', future: true, french: 2 });

      // Past sessions are closed, their meetings held, and the firms answered the follow-ups.
      const [past] = await db.query<
        { sessions: number; held: number; answers: number; signed: number; unsent: number }[]
      >(
        `SELECT count(DISTINCT s.id)::int AS sessions,
                count(DISTINCT m.id) FILTER (WHERE m.status = 'held')::int AS held,
                (SELECT count(*)::int FROM follow_up_answers) AS answers,
                (SELECT count(DISTINCT meeting_id)::int FROM follow_up_answers
                  WHERE outcome = 'agreement-signed') AS signed,
                (SELECT count(*)::int FROM follow_up_surveys WHERE sent_at IS NULL) AS unsent
           FROM sessions s JOIN meetings m ON m.session_id = s.id
          WHERE s.status = 'closed'`,
      );
      // Answers by hand: 2 + 2 + 1 (a year ago), 2 + 2 + 1 + 0 (seven months ago), 1 + 1 (four
      // months ago, only its 3-month survey due yet: its four 6-month surveys are unsent).
      expect(past).toEqual({ sessions: 3, held: 9, answers: 12, signed: 2, unsent: 4 });
    });
  });

  it('gives the delegations itineraries inside their days and no more accepted firms than seats', async () => {
    await withDataSource(url, async (db: DataSource) => {
      const delegations = await db.query<
        {
          id: string;
          direction: string;
          destination_country: string;
          starts_on: string;
          ends_on: string;
          timezone: string;
          capacity: number;
        }[]
      >(
        "SELECT id, direction, destination_country, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, timezone, capacity FROM delegations ORDER BY direction",
      );
      expect(delegations.map((d) => [d.direction, d.destination_country])).toEqual([
        ['inbound', 'HK'],
        ['outbound', 'FI'],
      ]);
      for (const delegation of delegations) {
        const items = await db.query<{ kind: string; starts_at: Date; ends_at: Date }[]>(
          'SELECT kind, starts_at, ends_at FROM itinerary_items WHERE delegation_id = $1',
          [delegation.id],
        );
        expect(items.length).toBeGreaterThanOrEqual(4);
        expect(items.map((item) => item.kind)).toContain('matching-session');
        for (const item of items) {
          expect(
            fitsDelegationDays(
              { startsAt: item.starts_at, endsAt: item.ends_at },
              {
                startsOn: delegation.starts_on,
                endsOn: delegation.ends_on,
                timezone: delegation.timezone,
              },
            ),
          ).toBe(true);
        }
        const [{ accepted }] = await db.query<{ accepted: number }[]>(
          "SELECT count(*)::int AS accepted FROM delegation_applications WHERE delegation_id = $1 AND status = 'accepted'",
          [delegation.id],
        );
        expect(accepted).toBeGreaterThan(0);
        expect(accepted).toBeLessThanOrEqual(delegation.capacity);
      }
      const finland = await db.query<{ kind: string }[]>(
        "SELECT i.kind FROM itinerary_items i JOIN delegations d ON d.id = i.delegation_id WHERE d.destination_country = 'FI'",
      );
      expect(new Set(finland.map((item) => item.kind))).toEqual(
        new Set(['reception', 'seminar', 'site-visit', 'matching-session', 'meeting']),
      );
    });
  });

  it('puts a few posts on the opportunities board: firms of both sides and the organisers', async () => {
    await withDataSource(url, async (db: DataSource) => {
      const posts = await db.query<
        {
          kind: string;
          country: string | null;
          partner_country: string | null;
          days: number | null;
          poster: string | null;
        }[]
      >(
        `SELECT o.kind, c.country, o.partner_country,
                (extract(epoch FROM o.deadline - now()) / 86400)::float8 AS days, u.email AS poster
           FROM opportunities o LEFT JOIN companies c ON c.id = o.company_id
           LEFT JOIN users u ON u.id = o.posted_by ORDER BY o.kind, c.country`,
      );
      expect(posts.length).toBe(DEMO_OPPORTUNITIES.length);
      expect(posts.every((post) => post.poster !== null)).toBe(true);
      expect(posts.map((post) => [post.kind, post.country ?? post.partner_country])).toEqual(
        expect.arrayContaining([
          ['offer', 'CA'],
          ['request', 'HK'],
          ['project', 'FI'],
          ['market-info', 'CA'],
        ]),
      );
      const project = posts.find((post) => post.kind === 'project')!;
      expect(project.days).toBeGreaterThan(20);
      expect(project.days).toBeLessThan(40);
    });
  });

  it('opens a video session between the Hong Kong and Canadian firms with matches already scored', async () => {
    await withDataSource(url, async (db: DataSource) => {
      const [session] = await db.query<
        { id: string; mode: string; sides: string[][]; status: string }[]
      >("SELECT id, mode, sides, status FROM sessions WHERE title NOT LIKE 'Live now:%'");
      expect(session).toMatchObject({ mode: 'video', sides: [['HK'], ['CA']], status: 'open' });
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM session_participants WHERE session_id = $1',
        [session.id],
      );
      expect(n).toBeGreaterThanOrEqual(35);
      const maple = await db.query<{ name: string; score: number }[]>(
        `SELECT o.name, m.score FROM match_scores m JOIN companies c ON c.id = m.company_id JOIN companies o ON o.id = m.other_id
          WHERE m.session_id = $1 AND c.name = 'Maple Channel Partners' ORDER BY m.score DESC LIMIT 3`,
        [session.id],
      );
      expect(maple.length).toBe(3);
      expect(maple.map((row) => row.name)).toContain('Harbour Pay Systems');
      const [{ crossing }] = await db.query<{ crossing: number }[]>(
        `SELECT count(*)::int AS crossing FROM match_scores m JOIN companies a ON a.id = m.company_id
           JOIN companies b ON b.id = m.other_id WHERE m.session_id = $1 AND a.country = b.country`,
        [session.id],
      );
      expect(crossing).toBe(0);
      // One request is limited to the first two hours (the request window of issue 17).
      const windows = await db.query<{ from: Date; to: Date; starts: Date }[]>(
        `SELECT r.window_from AS "from", r.window_to AS "to", s.starts_at AS starts
           FROM meeting_requests r JOIN sessions s ON s.id = r.session_id
          WHERE r.session_id = $1 AND r.window_from IS NOT NULL`,
        [session.id],
      );
      expect(windows).toHaveLength(1);
      expect(windows[0].from.getTime()).toBe(windows[0].starts.getTime());
      expect(windows[0].to.getTime() - windows[0].from.getTime()).toBe(2 * 3_600_000);
    });
  });

  it('runs a session right now with its schedule published, so the live room has a running slot', async () => {
    await withDataSource(url, async (db: DataSource) => {
      const [session] = await db.query<
        { id: string; status: string; starts_at: Date; ends_at: Date; slot_minutes: number }[]
      >(
        "SELECT id, status, starts_at, ends_at, slot_minutes FROM sessions WHERE title LIKE 'Live now:%'",
      );
      const now = Date.now();
      expect(session.status).toBe('scheduled'); // the worker turns it live as it starts
      expect(session.starts_at.getTime()).toBeLessThanOrEqual(now);
      expect(now - session.starts_at.getTime()).toBeLessThan(10 * 60_000);
      expect(session.ends_at.getTime()).toBeGreaterThan(now + 2 * 3_600_000);
      const meetings = await db.query<
        { slot_index: number; origin: string; room_id: string | null; a: string; b: string }[]
      >(
        `SELECT m.slot_index, m.origin, m.room_id, a.name AS a, b.name AS b FROM meetings m
           JOIN companies a ON a.id = m.company_a JOIN companies b ON b.id = m.company_b
          WHERE m.session_id = $1`,
        [session.id],
      );
      // The mutual Harbour Pay / Maple Channel request and the accepted one are placed; score
      // fills the rest, the running slot (0) included; every video meeting has a room.
      const pairs = meetings.map((m) => [m.a, m.b].sort().join(' + '));
      expect(pairs).toContain('Harbour Pay Systems + Maple Channel Partners');
      expect(pairs).toContain('Northern Cipher Inc. + Victoria Peak Security Ltd');
      expect(meetings.some((m) => m.slot_index === 0)).toBe(true);
      expect(meetings.length).toBeGreaterThan(20);
      expect(meetings.every((m) => typeof m.room_id === 'string' && m.room_id.length >= 20)).toBe(
        true,
      );
    });
    // Seeding again while it runs adds nothing; the calendar session is not duplicated either.
    expect((await withDataSource(url, (db) => seedDemo(db, links))).sessions).toBe(0);
  });

  it('tells the demo firms of their requests, answers and agendas as a real run would', async () => {
    const counts = async (db: DataSource) =>
      (
        await db.query<{ notifications: number; emails: number }[]>(
          `SELECT (SELECT count(*)::int FROM notifications) AS notifications,
                  (SELECT count(*)::int FROM notification_outbox) AS emails`,
        )
      )[0];
    await withDataSource(url, async (db: DataSource) => {
      const before = await counts(db);
      const kinds = await db.query<{ kind: string; n: number }[]>(
        'SELECT kind, count(*)::int AS n FROM notifications GROUP BY kind ORDER BY kind',
      );
      expect(kinds.map((row) => row.kind)).toEqual(
        expect.arrayContaining(['request.answered', 'request.received', 'schedule.published']),
      );
      // Every participant of the published session is told its agenda, with its email pending.
      const [{ told, participants }] = await db.query<{ told: number; participants: number }[]>(
        `SELECT (SELECT count(DISTINCT n.user_id)::int FROM notifications n
                  WHERE n.kind = 'schedule.published') AS told,
                (SELECT count(*)::int FROM session_participants p JOIN sessions s
                    ON s.id = p.session_id WHERE s.title LIKE 'Live now:%') AS participants`,
      );
      expect(told).toBe(participants);
      const pending = await db.query<{ kind: string; status: string }[]>(
        "SELECT DISTINCT kind, status FROM notification_outbox WHERE kind <> 'meeting.reminder'",
      );
      expect(pending.every((row) => row.status === 'pending')).toBe(true);
      expect(pending.map((row) => row.kind)).toEqual(
        expect.arrayContaining(['request.answered', 'request.received', 'schedule.published']),
      );

      // Each demo firm's owner is told in their language: Harbour Pay in Chinese, Maple in English.
      const bell = async (email: string) =>
        db.query<{ kind: string; subject: string; to_address: string; link: string }[]>(
          `SELECT o.kind, o.subject, o.to_address, n.link
             FROM notification_outbox o JOIN users u ON u.id = o.user_id
             JOIN notifications n ON n.user_id = u.id AND n.kind = o.kind
            WHERE u.email = $1 AND o.kind = 'schedule.published'`,
          [email],
        );
      const [harbour] = await bell(DEMO_LOGINS[3].email);
      expect(harbour.subject).toMatch(/[\u4e00-\u9fff]/);
      expect(harbour.link).toMatch(/^\/sessions\//);
      const [maple] = await bell(DEMO_LOGINS[4].email);
      expect(maple.subject).toMatch(/^[\x20-\x7e’–“”]+$/);
      expect(maple.to_address).toBe(DEMO_LOGINS[4].email);
      const [{ links: wrong }] = await db.query<{ links: number }[]>(
        `SELECT count(*)::int AS links FROM notification_outbox
          WHERE position($1 in text_body) = 0`,
        [links.appUrl],
      );
      expect(wrong).toBe(0);

      // Seeding again tells nobody anything new.
      await seedDemo(db, links);
      expect(await counts(db)).toEqual(before);
    });
  });
});
