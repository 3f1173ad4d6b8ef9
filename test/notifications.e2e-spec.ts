import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { MeetingReminders } from '../src/meetings/meeting-reminders.service';
import { NotificationsService } from '../src/notifications/notifications.service';
import { NOTIFICATION_KINDS } from '../src/notifications/notification.wire';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen } from './support/live';
import { mailsTo, TestSmtp } from './support/smtp';

/** Polls a synchronous check (see eventually). */
const soon = <T>(check: () => T | undefined, timeoutMs?: number) =>
  eventually(() => Promise.resolve(check()), timeoutMs);

const APP_URL = 'http://trade-match.test:8080';
const START = Date.UTC(2031, 8, 15, 1, 0); // 09:00 in Hong Kong, 18:00 the day before in Vancouver

/**
 * Notifications end to end: settings, `notify` in the transaction of a meeting request, the
 * outbox, the real worker sending over SMTP to a real SMTP server (smtp-server) and each email
 * read back with mailparser: language, time zones, links, headers, attachments, the in-app list,
 * the live event and one-click unsubscribe.
 */
describe('notifications', () => {
  const smtp = new TestSmtp();
  const client = useApi({ APP_URL });
  const live = new LiveClients();
  let worker: INestApplicationContext;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let hkFirm: { id: string; name: string };
  let caFirm: { id: string; name: string };
  let sessionId: string;
  let baseUrl: string;

  const workerEnv = () => ({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });

  beforeAll(async () => {
    await smtp.start();
    baseUrl = await listen(client.app);
    [organiser, hk, ca] = await Promise.all([
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
    ]);
    hkFirm = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
      name: unique('Harbour Pay'),
    });
    caFirm = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
      name: unique('Maple Channel'),
      country: 'CA',
      city: 'Vancouver',
      timezone: 'America/Vancouver',
      targetMarkets: ['HK'],
    });
    sessionId = await client.videoSession(organiser.accessToken, START, 120, {
      title: 'HK–Canada ICT matching',
    });
    await client.join(hk.accessToken, sessionId, hkFirm.id);
    await client.join(ca.accessToken, sessionId, caFirm.id);
    // These tests start from a meeting request: the news of the firms' verification (see
    // notification-events.e2e-spec.ts) is taken back before the worker could send it.
    await client.app.get(DataSource).query(
      `WITH gone AS (DELETE FROM notification_outbox WHERE user_id = ANY($1::uuid[]) RETURNING 1)
         DELETE FROM notifications WHERE user_id = ANY($1::uuid[])`,
      [[hk.user.id, ca.user.id]],
    );
    worker = await startWorker(workerEnv());
  });

  afterEach(() => live.closeAll());
  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
  });

  const ask = (from: Account, fromId: string, toId: string, message = '') =>
    client
      .as(from.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: fromId, toCompanyId: toId, message });
  const answer = (by: Account, requestId: string, status: string) =>
    client
      .as(by.accessToken)
      .patch(`/api/sessions/${sessionId}/requests/${requestId}`)
      .send({ status });
  /**
   * The address's outbox, but for the unread-message notices a request's message also queues (15
   * minutes ahead, in the same transaction: test/conversations.e2e-spec.ts follows those).
   */
  const outboxOf = (email: string) =>
    client.app.get(DataSource).query<{ id: string; kind: string; status: string }[]>(
      `SELECT id, kind, status FROM notification_outbox
          WHERE to_address = $1 AND kind <> 'message.unread' ORDER BY created_at`,
      [email],
    );
  /** A header as it was sent (mailparser parses List-* headers into objects). */
  const header = (mail: ParsedMail, name: string) =>
    mail.headerLines
      .find((line) => line.key === name)
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\r?\n\s+/g, ' ');

  describe('settings', () => {
    it('starts from the browser language and zone given at sign-up, and the defaults', async () => {
      const mine = await client.as(hk.accessToken).get('/api/users/me/settings').expect(200);
      expect(mine.body).toMatchObject({
        language: 'zh-Hant',
        timezone: 'Asia/Hong_Kong',
        reminders: [1440, 15],
      });
      expect(mine.body.notifications).toMatchObject({
        'request.received': 'email',
        announcement: 'in-app',
        'password.reset': 'email',
      });
      expect(Object.keys(mine.body.notifications).sort()).toEqual([...NOTIFICATION_KINDS].sort());
      const plain = await client.signUp();
      const defaults = await client.as(plain.accessToken).get('/api/users/me/settings').expect(200);
      expect(defaults.body).toMatchObject({ language: 'en', timezone: 'UTC' });
    });

    it('changes any part, merges deliveries kind by kind, and keeps reminders largest first', async () => {
      const user = await client.signUp();
      const patch = (body: object) =>
        client.as(user.accessToken).patch('/api/users/me/settings').send(body);
      await patch({ notifications: { announcement: 'email' } }).expect(200);
      const changed = await patch({
        timezone: 'europe/helsinki',
        reminders: [15, 60, 1440],
        notifications: { 'request.answered': 'off' },
      }).expect(200);
      expect(changed.body).toMatchObject({
        language: 'en',
        timezone: 'Europe/Helsinki',
        reminders: [1440, 60, 15],
      });
      expect(changed.body.notifications).toMatchObject({
        announcement: 'email',
        'request.answered': 'off',
        'request.received': 'email',
      });
      await patch({ reminders: [] }).expect(200);
      expect((await patch({}).expect(200)).body.reminders).toEqual([]);
    });

    it('refuses bad settings with a 400 naming the field', async () => {
      const user = await client.signUp();
      const cases: [unknown, string][] = [
        [{ language: null }, 'language'],
        [{ language: 'fr' }, 'language'],
        [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
        [{ timezone: 8 }, 'timezone'],
        [{ reminders: [1, 2, 3, 4, 5, 6] }, 'reminders'],
        [{ reminders: [0] }, 'reminders'],
        [{ reminders: [10_081] }, 'reminders'],
        [{ reminders: ['15'] }, 'reminders'],
        [{ reminders: [15.5] }, 'reminders'],
        [{ reminders: [15, 15] }, 'reminders'],
        [{ reminders: 15 }, 'reminders'],
        [{ notifications: { 'request.sent': 'email' } }, 'notifications'],
        [{ notifications: { 'request.received': 'sms' } }, 'notifications'],
        [{ notifications: { 'password.reset': 'off' } }, 'notifications'],
        [{ notifications: ['email'] }, 'notifications'],
        [{ notifications: null }, 'notifications'],
      ];
      for (const [body, field] of cases) {
        const response = await client
          .as(user.accessToken)
          .patch('/api/users/me/settings')
          .send(body as object);
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
        expect([JSON.stringify(body), Object.keys(response.body.fields ?? {})]).toEqual([
          JSON.stringify(body),
          [field],
        ]);
      }
      const refused = await client.http
        .post('/api/auth/register')
        .send({
          email: `${unique('x')}@example.org`,
          password: 'a-good-long-password',
          name: 'X',
          timezone: 'Nowhere/City',
        })
        .expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['timezone']);
    });
  });

  describe('a meeting request, end to end', () => {
    let requestId: string;

    it('tells the receiving firm in its language and zone: email, in-app list and live event', async () => {
      const socket = await live.connected(baseUrl, hk.accessToken);
      const events = collect<{ notification: { title: string; kind: string } }>(
        socket,
        'notification',
      );
      const asked = await ask(
        ca,
        caFirm.id,
        hkFirm.id,
        'Shall we talk about NFC terminals?',
      ).expect(201);
      requestId = asked.body.id;

      const [mail] = await mailsTo(smtp, hk.user.email);
      const [row] = await outboxOf(hk.user.email);
      expect(row.kind).toBe('request.received');
      await eventually(async () =>
        (await outboxOf(hk.user.email))[0].status === 'sent' ? true : undefined,
      );
      // Chinese, with the session's start in Hong Kong time and Vancouver's time beside it.
      expect(mail.subject).toBe(`${caFirm.name} 邀請 ${hkFirm.name} 會面`);
      expect(mail.text).toContain('Ada Chan 您好');
      expect(mail.text).toMatch(/2031年9月15日.*09:00/);
      expect(mail.text).toMatch(new RegExp(`${caFirm.name}當地時間：.*2031年9月14日.*18:00`));
      expect(mail.text).toContain('對方留言：「Shall we talk about NFC terminals?」');
      expect(mail.html).toContain('<html lang="zh-Hant">');
      expect(mail.html).toContain(`href="${APP_URL}/sessions/${sessionId}"`);
      expect(mail.text).toContain(`${APP_URL}/sessions/${sessionId}`);
      // A stable Message-ID from the outbox row and the host of APP_URL; one-click unsubscribe.
      expect(mail.messageId).toBe(`<${row.id}@trade-match.test>`);
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(header(mail, 'list-unsubscribe')).toContain(`${APP_URL}/api/unsubscribe?key=`);
      expect(mail.html).toContain(`${APP_URL}/unsubscribe?key=`);
      expect(mail.from?.text).toContain('no-reply@trade-match.local');

      // The link leads into the web app (served by the API at /).
      const page = await client.http.get(`/sessions/${sessionId}`);
      expect([200, 404]).toContain(page.status);
      if (page.status === 200) expect(page.headers['content-type']).toContain('text/html');

      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body).toMatchObject({ total: 1, unread: 1, page: 1, pageSize: 20 });
      expect(list.body.items[0]).toMatchObject({
        kind: 'request.received',
        title: mail.subject,
        link: `/sessions/${sessionId}`,
        readAt: null,
      });
      await soon(() => (events.length > 0 ? true : undefined));
      expect(events[0].notification).toMatchObject({
        kind: 'request.received',
        title: mail.subject,
      });
    });

    it('tells the asking firm of the answer, in English and Vancouver time', async () => {
      await answer(hk, requestId, 'accepted').expect(200);
      const [mail] = await mailsTo(smtp, ca.user.email);
      expect(mail.subject).toBe(`${hkFirm.name} accepted your meeting request`);
      expect(mail.text).toContain('Hello Marie Tremblay,');
      expect(mail.text).toMatch(/Sun, 14 Sept 2031, 18:00 (PDT|GMT-7)/);
      expect(mail.text).toMatch(
        new RegExp(`\\(${hkFirm.name}: Mon, 15 Sept 2031, 09:00 (HKT|GMT\\+8)\\)`),
      );
      expect(mail.html).toContain('<html lang="en">');
    });

    it('tells the receiving firm of a cancellation', async () => {
      await answer(ca, requestId, 'cancelled').expect(200);
      const mails = await mailsTo(smtp, hk.user.email, 2);
      expect(mails[1].subject).toBe(`${caFirm.name} 已撤回會面邀請`);
    });

    it('writes nothing for a change that is refused (the notice is in its transaction)', async () => {
      const again = await ask(ca, caFirm.id, hkFirm.id).expect(201);
      const before = (await outboxOf(hk.user.email)).length;
      expect((await ask(ca, caFirm.id, hkFirm.id).expect(409)).body.code).toBe('request.duplicate');
      expect((await outboxOf(hk.user.email)).length).toBe(before);
      await answer(hk, again.body.id, 'declined').expect(200);
      const [, declined] = await mailsTo(smtp, ca.user.email, 2);
      expect(declined.subject).toBe(`${hkFirm.name} declined your meeting request`);
    });
  });

  describe('the notification centre', () => {
    it('pages newest first, filters unread, and marks only the caller’s own read', async () => {
      const all = await client.as(hk.accessToken).get('/api/notifications?pageSize=2').expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items).toHaveLength(2);
      expect(all.body.items[0].kind).toBe('request.received');
      expect(all.body.items[1].kind).toBe('request.cancelled');
      const theirs = await client.as(ca.accessToken).get('/api/notifications').expect(200);
      // Another user's ids change nothing of theirs.
      await client
        .as(hk.accessToken)
        .post('/api/notifications/read')
        .send({ ids: [theirs.body.items[0].id] })
        .expect(200);
      expect(
        (await client.as(ca.accessToken).get('/api/notifications').expect(200)).body.unread,
      ).toBe(theirs.body.unread);
      const one = await client
        .as(hk.accessToken)
        .post('/api/notifications/read')
        .send({ ids: [all.body.items[0].id] })
        .expect(200);
      expect(one.body.unread).toBe(2);
      const unread = await client
        .as(hk.accessToken)
        .get('/api/notifications?unread=true')
        .expect(200);
      expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(
        all.body.items[0].id,
      );
      await client
        .as(hk.accessToken)
        .post('/api/notifications/read')
        .send({ all: true })
        .expect(200);
      const none = await client
        .as(hk.accessToken)
        .get('/api/notifications?unread=true')
        .expect(200);
      expect(none.body).toMatchObject({ total: 0, unread: 0, items: [] });
      for (const body of [{}, { all: false }, { ids: [] }, { ids: ['x'] }, { ids: null }]) {
        await client.as(hk.accessToken).post('/api/notifications/read').send(body).expect(400);
      }
    });

    it('renders the list in the reader’s language of now', async () => {
      await client
        .as(hk.accessToken)
        .patch('/api/users/me/settings')
        .send({ language: 'en' })
        .expect(200);
      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body.items[0].title).toBe(`${caFirm.name} asks ${hkFirm.name} for a meeting`);
      await client
        .as(hk.accessToken)
        .patch('/api/users/me/settings')
        .send({ language: 'zh-Hant' })
        .expect(200);
    });
  });

  describe('preferences and consent', () => {
    it('unsubscribes in one click without signing in: in the app only from then on', async () => {
      const [first] = await mailsTo(smtp, hk.user.email);
      const url = new URL(/<([^>]+)>/.exec(header(first, 'list-unsubscribe') ?? '')![1]);
      const path = `${url.pathname}${url.search}`;
      const shown = await client.http.get(path).expect(200);
      expect(shown.body).toMatchObject({ kind: 'request.received', delivery: 'email' });
      expect(shown.body.email).toMatch(/^hk…@example\.org$|^hk.…@example\.org$/);
      const done = await client.http
        .post(path)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      expect(done.body.delivery).toBe('in-app');
      const settings = await client.as(hk.accessToken).get('/api/users/me/settings').expect(200);
      expect(settings.body.notifications['request.received']).toBe('in-app');

      const before = (await outboxOf(hk.user.email)).length;
      const unread = (await client.as(hk.accessToken).get('/api/notifications').expect(200)).body
        .unread as number;
      const asked = await ask(ca, caFirm.id, hkFirm.id).expect(201);
      expect((await outboxOf(hk.user.email)).length).toBe(before);
      const list = await client.as(hk.accessToken).get('/api/notifications').expect(200);
      expect(list.body.unread).toBe(unread + 1);

      const tampered = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      const refused = await client.http.post(tampered).expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['key']);
      await client.http.get('/api/unsubscribe').expect(400);

      // Off: neither in the app nor by email.
      await client
        .as(ca.accessToken)
        .patch('/api/users/me/settings')
        .send({ notifications: { 'request.answered': 'off' } })
        .expect(200);
      const caBefore = (await client.as(ca.accessToken).get('/api/notifications').expect(200)).body
        .total as number;
      const caMails = (await outboxOf(ca.user.email)).length;
      await answer(hk, asked.body.id, 'declined').expect(200);
      expect(
        (await client.as(ca.accessToken).get('/api/notifications').expect(200)).body.total,
      ).toBe(caBefore);
      expect((await outboxOf(ca.user.email)).length).toBe(caMails);
    });
  });

  describe('notify and the outbox', () => {
    const notify = (notice: Parameters<NotificationsService['notify']>[1]) =>
      client.app
        .get(DataSource)
        .transaction((manager) => client.app.get(NotificationsService).notify(manager, notice));
    const params = () => ({
      fromCompany: caFirm.name,
      fromCountry: 'CA',
      toCompany: hkFirm.name,
      toCountry: 'HK',
      session: 'HK–Canada ICT matching',
      startsAt: { at: new Date(START).toISOString() },
      status: 'accepted',
      hasMessage: 'no',
      message: '',
    });

    it('attaches the .ics and sends a delayed notice no earlier than notBefore', async () => {
      const fresh = await client.signUp();
      const notBefore = new Date(Date.now() + 1500);
      const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TradeMatch//EN\r\nEND:VCALENDAR\r\n';
      const { outboxIds } = await notify({
        kind: 'request.answered',
        recipients: [fresh.user.id, fresh.user.id],
        params: params(),
        link: `/sessions/${sessionId}`,
        ics: { filename: 'agenda.ics', content: ics },
        notBefore,
      });
      expect(outboxIds).toHaveLength(1);
      const mail = await soon(
        () => smtp.mails.find((m) => m.messageId === `<${outboxIds[0]}@trade-match.test>`),
        15_000,
      );
      // The mail server has the mail a moment before the outbox records its acceptance.
      const sent_at = await eventually(async () => {
        const [row] = await client.app
          .get(DataSource)
          .query<{ sent_at: Date | null }[]>(
            'SELECT sent_at FROM notification_outbox WHERE id = $1',
            [outboxIds[0]],
          );
        return row?.sent_at ?? undefined;
      }, 5_000);
      expect(sent_at.getTime()).toBeGreaterThanOrEqual(notBefore.getTime() - 50);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({
        filename: 'agenda.ics',
        contentType: 'text/calendar',
      });
      expect(mail.attachments[0].content.toString('utf8')).toBe(ics);
      // Its key makes it once: notifying the same key again writes no second email.
      const keyed = {
        kind: 'request.answered' as const,
        recipients: [fresh.user.id],
        params: params(),
        link: '/',
        key: unique('reminder'),
      };
      expect((await notify(keyed)).outboxIds).toHaveLength(1);
      expect((await notify(keyed)).outboxIds).toHaveLength(0);
    });

    it('announces a reminder live at its time, in its reader’s words of then; not a withdrawn one', async () => {
      const reader = await client.signUp({ language: 'en', timezone: 'UTC' });
      const socket = await live.connected(baseUrl, reader.accessToken);
      const shown = collect<{ notification: Record<string, unknown> }>(socket, 'notification');
      const reminder = (meetingId: string, notBefore: Date) =>
        notify({
          kind: 'meeting.reminder',
          recipients: [reader.user.id],
          params: {
            meetingId,
            session: 'HK–Canada ICT matching',
            company: caFirm.name,
            partner: hkFirm.name,
            country: 'HK',
            startsAt: { at: new Date(START).toISOString() },
            minutes: 15,
            unit: 'minutes',
            amount: 15,
            place: 'video',
            table: 0,
          },
          link: `/sessions/${sessionId}`,
          notBefore,
          key: unique('live-reminder'),
        });
      const due = new Date(Date.now() + 2500);
      const kept = await reminder(randomUUID(), due);
      const withdrawnMeeting = randomUUID();
      await reminder(withdrawnMeeting, due);
      const dataSource = client.app.get(DataSource);
      await dataSource.transaction((manager) =>
        client.app.get(MeetingReminders).withdraw(manager, [withdrawnMeeting]),
      );
      // The reader reads Chinese by the time it is due: it is announced in Chinese.
      await dataSource.query(
        `INSERT INTO user_settings (user_id, language) VALUES ($1, 'zh-Hant')
         ON CONFLICT (user_id) DO UPDATE SET language = 'zh-Hant'`,
        [reader.user.id],
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(shown).toHaveLength(0);

      await soon(() => shown[0], 15_000);
      expect(Date.now()).toBeGreaterThanOrEqual(due.getTime() - 50);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(shown).toHaveLength(1);
      const listed = await client.as(reader.accessToken).get('/api/notifications').expect(200);
      expect(listed.body.items).toHaveLength(1);
      expect(shown[0].notification).toEqual(listed.body.items[0]);
      expect(shown[0].notification).toMatchObject({
        id: kept.notificationIds[0],
        kind: 'meeting.reminder',
        createdAt: due.toISOString(),
        readAt: null,
      });
      expect(shown[0].notification.title).toBe(`15 分鐘後與 ${hkFirm.name} 會面`);
    });

    it('sends a committed email whose job was never queued (the sweeper), once', async () => {
      const dataSource = client.app.get(DataSource);
      const [{ id }] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO notification_outbox (user_id, kind, to_address, subject, text_body, html_body)
         VALUES ($1, 'request.received', $2, 'Lost job', 'text', '<p>html</p>') RETURNING id`,
        [ca.user.id, ca.user.email],
      );
      await soon(() => smtp.mails.find((m) => m.messageId === `<${id}@trade-match.test>`));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(smtp.mails.filter((m) => m.messageId === `<${id}@trade-match.test>`)).toHaveLength(1);
    });

    it('with two workers, sends each of 40 emails exactly once', async () => {
      const second = await startWorker(workerEnv());
      try {
        const recipients = await Promise.all(
          Array.from({ length: 4 }, () => client.signUp({ language: 'en' })),
        );
        const ids: string[] = [];
        for (let round = 0; round < 10; round++) {
          const { outboxIds } = await notify({
            kind: 'request.received',
            recipients: recipients.map((r) => r.user.id),
            params: params(),
            link: `/sessions/${sessionId}`,
          });
          ids.push(...outboxIds);
        }
        expect(ids).toHaveLength(40);
        const wanted = new Set(ids.map((id) => `<${id}@trade-match.test>`));
        await soon(
          () =>
            smtp.mails.filter((m) => wanted.has(m.messageId ?? '')).length >= 40 ? true : undefined,
          20_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const seen = smtp.mails
          .filter((m) => wanted.has(m.messageId ?? ''))
          .map((m) => m.messageId);
        expect(seen).toHaveLength(40);
        expect(new Set(seen).size).toBe(40);
      } finally {
        await second.close();
      }
    });
  });
});
