import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../src/notifications/notifications.service';
import { formatInstant } from '../src/notifications/render/render-notice';
import { RequestsDigest } from '../src/requests/requests-digest.service';
import { eventually, startWorker } from './support/app';
import { delegationInput, unique, useApi, type Account } from './support/client';
import { LiveClients, listen, request } from './support/live';
import { TestSmtp } from './support/smtp';

const APP_URL = 'http://trade-match.test:8080';
const MINUTE = 60_000;

/**
 * What people are told, end to end (issue 14, item 3): each change through the real API or
 * worker, each email read back from a real SMTP server with mailparser: its words in the
 * reader's language, times in the reader's zone with the other firm's beside it, the link into
 * the web app and the `.ics`. Reminders: planned as delayed emails, none for a time already past,
 * withdrawn on cancel, planned again on a settings change, sent once with two workers. The
 * digest: once per user and day. And a notice that fails takes its change back with it.
 */
describe('notification events', () => {
  const smtp = new TestSmtp();
  const client = useApi({ APP_URL });
  const live = new LiveClients();
  const workers: INestApplicationContext[] = [];
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let ca2: Account;
  let hkFirm: { id: string; name: string };
  let caFirm: { id: string; name: string };
  let ca2Firm: { id: string; name: string };
  let ca3: Account;
  let ca3Firm: { id: string; name: string };

  const workerEnv = () => ({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
  const db = () => client.app.get(DataSource);
  /** The emails that reached an address whose subject matches. */
  const mailsOf = (account: Account, subject: RegExp | string) =>
    smtp
      .to(account.user.email)
      .filter((mail) =>
        typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject ?? ''),
      );
  const arrived = (account: Account, subject: RegExp | string, count = 1, timeoutMs = 15_000) =>
    eventually(() => {
      const mails = mailsOf(account, subject);
      return Promise.resolve(mails.length >= count ? mails : undefined);
    }, timeoutMs);
  const ics = (mail: ParsedMail) => {
    const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    return attachment?.content.toString('utf8');
  };
  /** An iCalendar instant (`20310915T010000Z`) as epoch milliseconds. */
  const icsInstants = (text: string, name: string) =>
    [...text.matchAll(new RegExp(`^${name}[^:]*:(\\d{8}T\\d{6}Z)`, 'gm'))].map((m) =>
      Date.parse(
        m[1].replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'),
      ),
    );
  const reminderRows = (account: Account) =>
    db().query<{ status: string; not_before: Date; key: string | null; ics: unknown }[]>(
      `SELECT status, not_before, key, ics FROM notification_outbox
        WHERE kind = 'meeting.reminder' AND user_id = $1 ORDER BY not_before`,
      [account.user.id],
    );
  const meetingsOf = async (sessionId: string) =>
    (await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}/schedule`).expect(200))
      .body.meetings as {
      id: string;
      companyA: string;
      companyB: string;
      startsAt: string;
      status: string;
    }[];
  /** `from` asks `to` for a meeting, `to` accepts, the schedule runs: the session's meetings. */
  const meetAndSchedule = async (
    sessionId: string,
    [asker, askerFirm]: [Account, { id: string }],
    [asked, askedFirm]: [Account, { id: string }],
  ) => {
    await client.acceptedRequest(
      sessionId,
      { token: asker.accessToken, companyId: askerFirm.id },
      { token: asked.accessToken, companyId: askedFirm.id },
    );
    await client.runSchedule(organiser.accessToken, sessionId);
    return meetingsOf(sessionId);
  };
  /** Harbour Pay, Maple Channel and Laurentian Retail join a session. */
  const joinAll = async (sessionId: string) => {
    await client.join(hk.accessToken, sessionId, hkFirm.id);
    await client.join(ca.accessToken, sessionId, caFirm.id);
    await client.join(ca2.accessToken, sessionId, ca2Firm.id);
  };
  const session = (startsAt: number, minutes = 60) =>
    client.videoSession(organiser.accessToken, startsAt, minutes, {
      title: unique('HK–Canada fintech matching'),
    });
  const hkTime = (at: number) =>
    formatInstant(new Date(at).toISOString(), 'Asia/Hong_Kong', 'zh-Hant');
  const vanTime = (at: number) =>
    formatInstant(new Date(at).toISOString(), 'America/Vancouver', 'en');

  beforeAll(async () => {
    await smtp.start();
    workers.push(await startWorker(workerEnv()));
    [organiser, hk, ca, ca2] = await Promise.all([
      client.organiser(),
      client.signUp({
        email: `${unique('hk')}@example.org`,
        name: 'Ada Chan',
        language: 'zh-Hant',
        timezone: 'Asia/Hong_Kong',
      }),
      client.signUp({
        email: `${unique('ca')}@example.org`,
        name: 'Marie Tremblay',
        language: 'en',
        timezone: 'America/Vancouver',
      }),
      client.signUp({
        email: `${unique('ca2')}@example.org`,
        name: 'Liam Roy',
        language: 'en',
        timezone: 'America/Toronto',
      }),
    ]);
    hkFirm = await client.company(hk.accessToken, { name: unique('Harbour Pay') });
    caFirm = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
      name: unique('Maple Channel'),
      country: 'CA',
      city: 'Vancouver',
      timezone: 'America/Vancouver',
      targetMarkets: ['HK'],
    });
    ca2Firm = await client.verifiedCompany(ca2.accessToken, organiser.accessToken, {
      name: unique('Laurentian Retail'),
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      targetMarkets: ['HK'],
    });
  });

  afterEach(() => live.closeAll());
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await smtp.stop();
  });

  describe('company verification', () => {
    const verification = (companyId: string, body: object) =>
      client.as(organiser.accessToken).post(`/api/companies/${companyId}/verification`).send(body);

    it('refuses a reason over 1,000 characters, naming it', async () => {
      const refused = await verification(hkFirm.id, {
        status: 'rejected',
        reason: 'x'.repeat(1001),
      }).expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['reason']);
      await verification(hkFirm.id, { status: 'rejected', reason: 7 }).expect(400);
    });

    it('tells a rejected firm why, in its language, with a link to its profile', async () => {
      await verification(hkFirm.id, {
        status: 'rejected',
        reason: 'The registration number does not match <the name>.',
      }).expect(200);
      const [mail] = await arrived(hk, `${hkFirm.name} 未獲通過審核`);
      expect(mail.text).toContain('原因：「The registration number does not match <the name>.」');
      expect(mail.html).toContain('&lt;the name&gt;');
      expect(mail.html).toContain(`href="${APP_URL}/company"`);
    });

    it('tells a verified firm, and English readers in English', async () => {
      await verification(hkFirm.id, { status: 'verified' }).expect(200);
      const [mail] = await arrived(hk, `${hkFirm.name} 已通過審核`);
      expect(mail.text).toContain('主辦單位已審核並確認');
      const [english] = await arrived(ca, `${caFirm.name} is verified`);
      expect(english.text).toContain('Hello Marie Tremblay,');
      expect(english.text).toContain('It now appears in the directory');
      // A decision that changes nothing tells nobody again.
      await verification(hkFirm.id, { status: 'verified' }).expect(200);
      const rows = await db().query(
        `SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'company.verification'`,
        [hk.user.id],
      );
      expect(rows).toHaveLength(2);
    });
  });

  describe('a schedule, its changes and the reminders', () => {
    let sessionId: string;
    let startsAt: number;
    let meeting: { id: string; startsAt: string };

    it('tells each firm its agenda with the .ics, times in its zone beside the partner’s', async () => {
      // Three hours ahead: the reminder a day before is already past, the 15-minute one is not.
      startsAt = Math.ceil((Date.now() + 3 * 3600_000) / MINUTE) * MINUTE;
      sessionId = await session(startsAt);
      await joinAll(sessionId);
      await client.acceptedRequest(
        sessionId,
        { token: ca.accessToken, companyId: caFirm.id },
        { token: hk.accessToken, companyId: hkFirm.id },
      );
      // Declined: the one pair Laurentian could have had (by score) is not planned.
      const asked = await client
        .as(hk.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: hkFirm.id, toCompanyId: ca2Firm.id })
        .expect(201);
      await client
        .as(ca2.accessToken)
        .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
        .send({ status: 'declined' })
        .expect(200);
      await client.runSchedule(organiser.accessToken, sessionId);
      const meetings = await meetingsOf(sessionId);
      expect(meetings).toHaveLength(1);
      [meeting] = meetings;
      const at = Date.parse(meeting.startsAt);

      const [zh] = await arrived(hk, /的日程已公布$/);
      expect(zh.text).toContain(`${hkFirm.name} 共有 1 場會面：`);
      expect(zh.text).toContain(
        `• ${hkTime(at)}（${caFirm.name}當地時間：${formatInstant(meeting.startsAt, 'America/Vancouver', 'zh-Hant')}）：${caFirm.name}（CA），視像會議`,
      );
      expect(zh.html).toContain(`href="${APP_URL}/sessions/${sessionId}"`);
      const calendar = ics(zh) ?? '';
      expect(calendar).toContain('BEGIN:VCALENDAR');
      expect(calendar).toContain(`UID:${meeting.id}@trade-match`);
      expect(icsInstants(calendar, 'DTSTART')).toEqual([at]);
      expect(calendar).toContain(`SUMMARY:Meeting with ${caFirm.name} (CA)`);

      const [en] = await arrived(ca, /^Your agenda for .* is out$/);
      expect(en.text).toContain(`${caFirm.name} has 1 meeting:`);
      expect(en.text).toContain(`• ${vanTime(at)} (${hkFirm.name}: `);
      expect(ics(en)).toContain(`UID:${meeting.id}@trade-match`);
      // A participant without a meeting learns that too, on the first publish.
      const [empty] = await arrived(ca2, /^Your agenda for .* is out$/);
      expect(empty.text).toContain(`${ca2Firm.name} has no meeting in it now.`);
    });

    it('plans each user’s reminders as delayed emails, none for a time already past', async () => {
      const at = Date.parse(meeting.startsAt);
      for (const account of [hk, ca]) {
        const rows = await reminderRows(account);
        expect(rows.map((row) => [row.status, row.not_before.getTime(), row.key])).toEqual([
          ['pending', at - 15 * MINUTE, `meeting-reminder.${meeting.id}.15:${account.user.id}`],
        ]);
        expect(JSON.stringify(rows[0].ics)).toContain(`UID:${meeting.id}@trade-match`);
      }
      // Not shown in the app before its time.
      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body.items.map((n: { kind: string }) => n.kind)).not.toContain(
        'meeting.reminder',
      );
    });

    it('plans them again when a user changes their reminder times', async () => {
      await client
        .as(ca.accessToken)
        .patch('/api/users/me/settings')
        .send({ reminders: [60, 15] })
        .expect(200);
      const at = Date.parse(meeting.startsAt);
      const rows = await reminderRows(ca);
      expect(
        rows.filter((row) => row.status === 'pending').map((row) => row.not_before.getTime()),
      ).toEqual([at - 60 * MINUTE, at - 15 * MINUTE]);
      expect(rows.filter((row) => row.status === 'withdrawn')).toHaveLength(1);
    });

    it('tells only the firms whose agenda a republish changed, and what changed', async () => {
      // The first meeting stays where it is; a firm joins and gets a meeting with Harbour Pay.
      await client
        .as(organiser.accessToken)
        .patch(`/api/meetings/${meeting.id}`)
        .send({ fixed: true })
        .expect(200);
      ca3 = await client.signUp({ name: 'Emma Wong', language: 'en', timezone: 'America/Toronto' });
      ca3Firm = await client.verifiedCompany(ca3.accessToken, organiser.accessToken, {
        name: unique('Prairie Ledger'),
        country: 'CA',
        city: 'Calgary',
        timezone: 'America/Edmonton',
        targetMarkets: ['HK'],
      });
      await client.join(ca3.accessToken, sessionId, ca3Firm.id);
      const meetings = await meetAndSchedule(sessionId, [ca3, ca3Firm], [hk, hkFirm]);
      expect(meetings).toHaveLength(2);
      const added = meetings.find((m) => m.id !== meeting.id)!;
      const [zh] = await arrived(hk, /^您在「.*」的日程已更新$/);
      expect(zh.text).toContain(
        `新增：${hkTime(Date.parse(added.startsAt))}（${ca3Firm.name}當地時間：`,
      );
      expect(zh.text).toContain(`${hkFirm.name} 共有 2 場會面：`);
      expect(ics(zh)).toContain(`UID:${added.id}@trade-match`);
      expect(ics(zh)).toContain(`UID:${meeting.id}@trade-match`);
      const [en] = await arrived(ca3, /^Your agenda in .* changed$/);
      expect(en.text).toContain(`New: ${formatInstant(added.startsAt, 'America/Toronto', 'en')}`);
      // The firms whose agenda stayed are not told again; the kept meeting's reminders stay.
      const told = await db().query<{ user_id: string }[]>(
        `SELECT user_id FROM notifications WHERE kind = 'schedule.published' AND params->>'republished' = 'yes'
            AND user_id = ANY($1::uuid[])`,
        [[hk.user.id, ca.user.id, ca2.user.id, ca3.user.id]],
      );
      expect(told.map((row) => row.user_id).sort()).toEqual([hk.user.id, ca3.user.id].sort());
      expect((await reminderRows(ca)).filter((row) => row.status === 'pending')).toHaveLength(2);
      expect((await reminderRows(ca3)).filter((row) => row.status === 'pending')).toHaveLength(1);
      expect((await reminderRows(hk)).filter((row) => row.status === 'pending')).toHaveLength(2);
    });

    it('tells both sides of a cancellation and withdraws its reminders', async () => {
      const second = (await meetingsOf(sessionId)).find((m) => m.id !== meeting.id)!;
      await client
        .as(ca3.accessToken)
        .patch(`/api/meetings/${second.id}`)
        .send({ status: 'cancelled' })
        .expect(200);
      const [zh] = await arrived(hk, `您與 ${ca3Firm.name} 的會面已取消`);
      expect(zh.text).toContain(`已由${ca3Firm.name}取消`);
      expect(zh.text).toContain(hkTime(Date.parse(second.startsAt)));
      const [en] = await arrived(ca3, `Your meeting with ${hkFirm.name} is cancelled`);
      expect(en.text).toContain(`was cancelled by ${ca3Firm.name}`);
      expect(en.html).toContain(`href="${APP_URL}/sessions/${sessionId}"`);
      const withdrawn = await db().query<{ status: string }[]>(
        `SELECT status FROM notification_outbox WHERE kind = 'meeting.reminder' AND key LIKE $1`,
        [`meeting-reminder.${second.id}.%`],
      );
      expect(withdrawn.map((row) => row.status)).toEqual(['withdrawn', 'withdrawn']);
      const shown = await db().query(
        `SELECT 1 FROM notifications WHERE kind = 'meeting.reminder' AND params->>'meetingId' = $1`,
        [second.id],
      );
      expect(shown).toHaveLength(0);
      // The other meeting's reminders are untouched.
      expect((await reminderRows(hk)).filter((row) => row.status === 'pending')).toHaveLength(1);
    });

    it('takes the change back when telling of it fails', async () => {
      const notifications = client.app.get(NotificationsService);
      const spy = jest
        .spyOn(notifications, 'notify')
        .mockRejectedValueOnce(new Error('notify failed'));
      try {
        await client
          .as(ca.accessToken)
          .patch(`/api/meetings/${meeting.id}`)
          .send({ status: 'cancelled' })
          .expect(500);
      } finally {
        spy.mockRestore();
      }
      const [still] = (await meetingsOf(sessionId)).filter((m) => m.id === meeting.id);
      expect(still.status).toBe('scheduled');
      expect((await reminderRows(hk)).filter((row) => row.status === 'pending')).toHaveLength(1);
      expect(mailsOf(ca, /cancelled/)).toHaveLength(0);
    });

    it('withdraws every reminder of a session closed before its meetings', async () => {
      await client
        .as(organiser.accessToken)
        .patch(`/api/sessions/${sessionId}`)
        .send({ status: 'closed' })
        .expect(200);
      for (const account of [hk, ca]) {
        expect((await reminderRows(account)).filter((row) => row.status === 'pending')).toEqual([]);
      }
    });
  });

  describe('a reminder', () => {
    it('is sent once at its time, with two workers running, with the meeting’s .ics', async () => {
      workers.push(await startWorker(workerEnv()));
      // A reminder 10 minutes before a meeting that starts in 10 minutes and 20 seconds.
      await client
        .as(hk.accessToken)
        .patch('/api/users/me/settings')
        .send({ reminders: [10] })
        .expect(200);
      const startsAt = Math.ceil((Date.now() + 10 * MINUTE + 20_000) / 1000) * 1000;
      const sessionId = await session(startsAt, 30);
      await client.join(hk.accessToken, sessionId, hkFirm.id);
      await client.join(ca.accessToken, sessionId, caFirm.id);
      const [meeting] = await meetAndSchedule(sessionId, [hk, hkFirm], [ca, caFirm]);
      // Canada's reminders (60 and 15 minutes before) were past when it was published.
      const rows = await db().query<{ user_id: string }[]>(
        `SELECT user_id FROM notification_outbox WHERE kind = 'meeting.reminder' AND key LIKE $1`,
        [`meeting-reminder.${meeting.id}.%`],
      );
      expect(rows.map((row) => row.user_id)).toEqual([hk.user.id]);

      const subject = `10 分鐘後與 ${caFirm.name} 會面`;
      const [mail] = await arrived(hk, subject, 1, 40_000);
      expect(mail.date!.getTime()).toBeGreaterThanOrEqual(
        Date.parse(meeting.startsAt) - 10 * MINUTE - 3000,
      );
      expect(mail.text).toContain(`${hkFirm.name} 將於 ${hkTime(Date.parse(meeting.startsAt))}`);
      expect(mail.text).toContain('以視像會議進行');
      const calendar = ics(mail) ?? '';
      expect(calendar).toContain(`UID:${meeting.id}@trade-match`);
      expect(icsInstants(calendar, 'DTSTART')).toEqual([Date.parse(meeting.startsAt)]);
      // Both workers' sweepers have looked at it several times since: still one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(mailsOf(hk, subject)).toHaveLength(1);
      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body.items[0]).toMatchObject({ kind: 'meeting.reminder', title: subject });
    }, 60_000);
  });

  describe('the digest of requests waiting for an answer', () => {
    /** Tomorrow at hh:30 in Hong Kong (UTC+8, no daylight saving). */
    const hongKongTomorrow = (hour: number) => {
      const at = new Date();
      at.setUTCHours(hour - 8 + 24, 30, 0, 0);
      return at;
    };

    it('lists them once a day from 08:00 in the reader’s zone, and tells nobody with none', async () => {
      const sessionId = await session(Date.now() + 3 * 24 * 3600_000);
      await joinAll(sessionId);
      for (const [account, firm] of [
        [ca, caFirm],
        [ca2, ca2Firm],
      ] as const) {
        await client
          .as(account.accessToken)
          .post(`/api/sessions/${sessionId}/requests`)
          .send({ fromCompanyId: firm.id, toCompanyId: hkFirm.id })
          .expect(201);
      }
      const digest = workers[0].get(RequestsDigest);
      const digests = () =>
        db().query<{ user_id: string; params: { day: string; count: number } }[]>(
          `SELECT user_id, params FROM notifications WHERE kind = 'requests.digest' AND user_id = ANY($1::uuid[])`,
          [[hk.user.id, ca.user.id, ca2.user.id]],
        );
      await digest.run(hongKongTomorrow(7), 8);
      expect((await digests()).filter((row) => row.user_id === hk.user.id)).toHaveLength(0);
      await digest.run(hongKongTomorrow(8), 8);
      await digest.run(hongKongTomorrow(20), 8);
      await Promise.all([digest.run(hongKongTomorrow(21), 8), digest.run(hongKongTomorrow(21), 8)]);
      const written = await digests();
      expect(written.map((row) => [row.user_id, row.params.count])).toEqual([[hk.user.id, 2]]);

      const [mail] = await arrived(hk, '2 個會面邀請仍待您回覆');
      expect(mail.text).toContain(`• ${caFirm.name}（CA）邀請 ${hkFirm.name} 在「`);
      expect(mail.text).toContain(`• ${ca2Firm.name}（CA）邀請 ${hkFirm.name} 在「`);
      expect(mail.text).toContain(`（${ca2Firm.name}當地時間：`);
      expect(mail.html).toContain(`href="${APP_URL}/sessions/${sessionId}"`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mailsOf(hk, '2 個會面邀請仍待您回覆')).toHaveLength(1);
    });
  });

  describe('delegation applications', () => {
    it('tells a firm of a decision, its reason, and a promotion from the waitlist', async () => {
      const delegation = await client
        .as(organiser.accessToken)
        .post('/api/delegations')
        .send(delegationInput({ capacity: 1 }))
        .expect(201);
      const id = delegation.body.id as string;
      const hk2 = await client.signUp({ language: 'en', timezone: 'Asia/Hong_Kong' });
      const hk2Firm = await client.verifiedCompany(hk2.accessToken, organiser.accessToken);
      const hk3 = await client.signUp({ language: 'zh-Hant', timezone: 'Asia/Hong_Kong' });
      const hk3Firm = await client.verifiedCompany(hk3.accessToken, organiser.accessToken);
      const apply = async (account: Account, companyId: string) =>
        (
          await client
            .as(account.accessToken)
            .post(`/api/delegations/${id}/applications`)
            .send({ companyId })
            .expect(201)
        ).body.id as string;
      const decide = (token: string, applicationId: string, body: object) =>
        client.as(token).patch(`/api/delegations/${id}/applications/${applicationId}`).send(body);
      const [first, second, third] = [
        await apply(hk, hkFirm.id),
        await apply(hk2, hk2Firm.id),
        await apply(hk3, hk3Firm.id),
      ];
      await decide(organiser.accessToken, first, { status: 'accepted' }).expect(200);
      await decide(organiser.accessToken, second, { status: 'waitlisted' }).expect(200);
      await decide(organiser.accessToken, third, {
        status: 'rejected',
        reason: 'The mission is for firms already selling in Europe.',
      }).expect(200);

      const title = delegation.body.title as string;
      const [accepted] = await arrived(hk, `${hkFirm.name} 已獲「${title}」取錄`);
      expect(accepted.html).toContain(`href="${APP_URL}/delegations/${id}"`);
      const [waiting] = await arrived(hk2, `${hk2Firm.name} is on the waitlist of “${title}”`);
      expect(waiting.text).toContain('gets the first seat that is freed');
      const [rejected] = await arrived(hk3, `${hk3Firm.name} 未獲「${title}」取錄`);
      expect(rejected.text).toContain(
        '原因：「The mission is for firms already selling in Europe.」',
      );

      // The accepted firm withdraws (it is not told of its own doing); the waitlisted one is promoted.
      await decide(hk.accessToken, first, { status: 'withdrawn' }).expect(200);
      const [promoted] = await arrived(hk2, `${hk2Firm.name} has a seat in “${title}”`);
      expect(promoted.text).toContain('first on the waitlist, now has it');
      expect(mailsOf(hk, new RegExp(title))).toHaveLength(1);
    });
  });

  describe('announcements', () => {
    it('show in the app of the participants’ users, by email only to those who ask', async () => {
      const sessionId = await session(Date.now() + 24 * 3600_000);
      await client.join(hk.accessToken, sessionId, hkFirm.id);
      await client.join(ca.accessToken, sessionId, caFirm.id);
      await client
        .as(ca.accessToken)
        .patch('/api/users/me/settings')
        .send({ notifications: { announcement: 'email' } })
        .expect(200);
      const baseUrl = await listen(client.app);
      const socket = await live.connected(baseUrl, organiser.accessToken);
      const ack = await request(socket, 'announce', {
        sessionId,
        text: 'Coffee is served in hall B',
      });
      expect(ack).toMatchObject({ ok: true });

      const [mail] = await arrived(ca, /^Announcement in /);
      expect(mail.text).toContain('“Coffee is served in hall B”');
      expect(mail.html).toContain(`href="${APP_URL}/sessions/${sessionId}/live"`);
      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body.items[0]).toMatchObject({
        kind: 'announcement',
        link: `/sessions/${sessionId}/live`,
      });
      expect(list.body.items[0].body).toContain('「Coffee is served in hall B」');
      expect(mailsOf(hk, /公告/)).toHaveLength(0);
      // Nobody outside the session is told.
      const theirs = await client.as(ca2.accessToken).get('/api/notifications').expect(200);
      expect(theirs.body.items.map((n: { kind: string }) => n.kind)).not.toContain('announcement');
    });
  });
});
